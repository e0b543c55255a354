import { describe, expect, it } from 'vitest';
import { orderSeries, studyFilesBySeries } from '../../../src/scripts/viewer/study-files.ts';

const STUDY = '1.2.840.5';
const group = (paths: string[]) => Object.fromEntries(studyFilesBySeries(paths, (p) => p, STUDY));

describe('studyFilesBySeries: the study of the page among the picked files', () => {
  it('finds it from the dataset folder, its studies folder or the study folder', () => {
    const files = [`${STUDY}/s1/a.dcm`, `${STUDY}/s1/b.dcm`, `${STUDY}/s2/c.dcm`];
    const expected = {
      s1: [`${STUDY}/s1/a.dcm`, `${STUDY}/s1/b.dcm`],
      s2: [`${STUDY}/s2/c.dcm`],
    };
    expect(group(files)).toEqual(expected);
    const under = (prefix: string) =>
      Object.fromEntries(
        Object.entries(expected).map(([series, paths]) => [
          series,
          paths.map((p) => `${prefix}/${p}`),
        ]),
      );
    expect(group(files.map((f) => `studies/${f}`))).toEqual(under('studies'));
    expect(group(files.map((f) => `MosMed/studies/${f}`))).toEqual(under('MosMed/studies'));
  });

  it('leaves out other studies, hidden files and files named like the study', () => {
    const picked = [
      `studies/9.9/s1/a.dcm`,
      `studies/${STUDY}/s1/.DS_Store`,
      `studies/${STUDY}/s1/x.dcm`,
      `studies/other/${STUDY}`,
    ];
    expect(group(picked)).toEqual({ s1: [`studies/${STUDY}/s1/x.dcm`] });
  });

  it('puts files directly in the study folder under the empty series', () => {
    expect(group([`${STUDY}/only.dcm`])).toEqual({ '': [`${STUDY}/only.dcm`] });
  });

  it('finds nothing when the study is not there', () => {
    expect(group(['studies/1/2/3.dcm'])).toEqual({});
  });
});

it('orderSeries: the page order first, then unknown folders by name', () => {
  expect(orderSeries(['z', 'b', 'x', 'a'], ['b', 'a'])).toEqual(['b', 'a', 'x', 'z']);
});
