import { describe, expect, it } from 'vitest';
import { FINDING_IDS, type FindingId } from '../../../src/domain/field-values.ts';
import type { Study } from '../../../src/domain/schemas.ts';
import { EXAMPLE_PRESET, pickExamples } from '../../../src/site/home-examples.ts';
import { fixtureStudies } from '../../fixtures/fixture-studies.ts';

const studies = fixtureStudies(30);
const present = (id: FindingId) => studies.some((s) => s.findings[id]);

describe('pickExamples', () => {
  const examples = pickExamples(studies);

  it('gives one example per finding type present, from a study with that finding', () => {
    expect(examples.map((e) => e.finding)).toEqual(FINDING_IDS.filter(present));
    for (const e of examples) expect(e.study.findings[e.finding], e.finding).toBe(true);
  });

  it('uses the subdural window for subdural and epidural, bone for fracture, brain otherwise', () => {
    expect(EXAMPLE_PRESET.subdural).toBe('subdural');
    expect(EXAMPLE_PRESET.epidural).toBe('subdural');
    expect(EXAMPLE_PRESET.fracture).toBe('bone');
    expect(EXAMPLE_PRESET.intracerebral).toBe('brain');
    for (const e of examples) expect(e.sprite).toMatch(new RegExp(`-${e.preset}\\.webp$`));
  });

  it('cuts the middle tile out of the sheet', () => {
    // 12 tiles of 128 px in 4 columns: tile 6 is row 1, column 2.
    expect(examples[0]!.tile).toEqual({ left: 256, top: 128, width: 128, height: 128 });
    expect(examples[0]!.slice).toBe(7);
  });

  it('links to the study page at the series, slice and window it shows', () => {
    for (const e of examples) {
      const series = e.study.series[e.target.series - 1]!;
      const sprite = series.sprites.find((s) => s.preset === e.preset)!;
      expect(sprite.url).toBe(e.sprite);
      expect(e.target.preset).toBe(e.preset);
      expect(e.target.slice).toBe(sprite.slices[e.slice - 1]! + 1);
    }
  });

  it('is deterministic and independent of the input order', () => {
    const again = pickExamples([...studies].reverse());
    expect(again.map((e) => [e.finding, e.study.id])).toEqual(
      examples.map((e) => [e.finding, e.study.id]),
    );
  });

  it('prefers the study with the fewest other findings, and skips studies without images', () => {
    const [a, b] = fixtureStudies(2);
    const noFindings = Object.fromEntries(FINDING_IDS.map((f) => [f, false])) as Study['findings'];
    const busy = {
      ...a!,
      id: 'busy',
      registryRow: 2,
      findings: { ...noFindings, subdural: true, fracture: true },
    } satisfies Study;
    const clear = {
      ...a!,
      id: 'clear',
      registryRow: 9,
      findings: { ...noFindings, subdural: true },
    } satisfies Study;
    const unrendered = {
      ...b!,
      id: 'unrendered',
      registryRow: 1,
      findings: { ...noFindings, subdural: true },
      series: b!.series.map((s) => ({ ...s, status: 'unsupported' as const, sprites: [] })),
    } satisfies Study;
    const picked = pickExamples([busy, clear, unrendered]);
    expect(picked.find((e) => e.finding === 'subdural')!.study.id).toBe('clear');
    expect(picked.find((e) => e.finding === 'fracture')!.study.id).toBe('busy');
    expect(pickExamples([unrendered])).toEqual([]);
  });
});
