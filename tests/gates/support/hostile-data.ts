/**
 * Untrusted strings as an attacker would plant them in a dataset, and generated site data that
 * carries them in every text field the site may display: the registry's conclusion, kernel and
 * manufacturer, the DICOM manufacturer, model and kernel of each series, and the registry
 * column names and messages of the quality report.
 *
 * The same strings can be fed through the real path (sample registry and DICOM → pipeline →
 * generated data) by writing them into the sample's fields; `checkXssSite` does not care how
 * the site was built.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  qualityFileSchema,
  studiesFileSchema,
  type QualityFinding,
  type Study,
} from '../../../src/domain/schemas.ts';
import { computeStats, statsFileSchema } from '../../../src/domain/stats.ts';
import { writeFixtureSiteData } from '../../fixtures/site-data.ts';

export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // Breaks out of a JSON-LD or inline data <script> if the page embeds data unescaped.
  '</script><script>alert(1)</script>',
] as const;

/** How many studies carry hostile strings (each field gets every string on some study). */
export const HOSTILE_STUDY_COUNT = HOSTILE_STRINGS.length;

const pick = (i: number) => HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]!;

/** A study whose displayed text fields hold hostile strings (rotated so each field gets each). */
export function poisonStudy(study: Study, i: number): Study {
  return {
    ...study,
    conclusion: `КТ-признаки ${HOSTILE_STRINGS.join(' ')} кровоизлияния.`,
    manufacturer: pick(i),
    kernel: pick(i + 1),
    model: pick(i + 2),
    series: study.series.map((s) => ({
      ...s,
      manufacturer: pick(i + 3),
      model: pick(i),
      kernel: pick(i + 1),
    })),
  };
}

/**
 * Writes fixture generated data (`<dir>/data/*.json`, thumbnails) whose first studies and
 * quality findings carry the hostile strings. Returns the ids of the poisoned studies.
 */
export async function writeHostileSiteData(dir: string, count = 8): Promise<string[]> {
  await writeFixtureSiteData(dir, count);
  const data = (name: string) => join(dir, 'data', name);
  const studiesFile = studiesFileSchema.parse(
    JSON.parse(await readFile(data('studies.json'), 'utf8')),
  );
  const studies = studiesFile.studies.map((s, i) =>
    i < HOSTILE_STUDY_COUNT ? poisonStudy(s, i) : s,
  );
  await writeFile(
    data('studies.json'),
    JSON.stringify(studiesFileSchema.parse({ ...studiesFile, studies })),
  );
  await writeFile(data('stats.json'), JSON.stringify(statsFileSchema.parse(computeStats(studies))));

  const quality = qualityFileSchema.parse(JSON.parse(await readFile(data('quality.json'), 'utf8')));
  const findings: QualityFinding[] = HOSTILE_STRINGS.map((text, i) => ({
    severity: 'warning',
    code: 'registry-unknown-column',
    message: { ru: `Неизвестный столбец «${text}»`, en: `Unknown column "${text}"` },
    file: `studies/${text}/1.dcm`,
    row: i + 1,
    column: text,
    study: studies[i]!.id,
  }));
  await writeFile(
    data('quality.json'),
    JSON.stringify(
      qualityFileSchema.parse({ ...quality, findings: [...quality.findings, ...findings] }),
    ),
  );
  return studies.slice(0, HOSTILE_STUDY_COUNT).map((s) => s.id);
}
