/**
 * The Responsible-AI part of croissant.json (Croissant RAI 1.0): each `rai:` property answered
 * from the datasheet (in English, with its source named) and the known skews of the data.
 */
import { datasheet, type DatasheetItem, type DatasheetSectionId } from './datasheet.ts';
import { FACTS } from './facts.ts';
import { knownSkews } from './known-skews.ts';
import type { Stats } from './stats.ts';

/** What the answers depend on: this build's statistics and the date of its input. */
export interface RaiInputs {
  stats: Stats;
  builtAt: string;
}

/** The English answer of a datasheet item, prefixed with its source. */
function sourced(item: DatasheetItem): string {
  const where =
    item.source.kind === 'readme'
      ? `README, "${item.source.section.en}"`
      : item.source.kind === 'data'
        ? 'computed by this site from the data'
        : item.source.kind === 'site'
          ? 'this site'
          : 'not stated in the dataset’s documentation';
  return item.answer
    ? `${item.answer.en} (${where})`
    : `${item.question.en} Not stated in the dataset’s documentation.`;
}

/** Responsible-AI properties (Croissant RAI 1.0) answered from the datasheet and the data. */
export function raiProperties(options: RaiInputs) {
  const s = options.stats;
  const sheet = datasheet({
    studies: s.total,
    withPathology: s.classBalance.with,
    withoutPathology: s.classBalance.without,
    sexUnknown: s.sex.unknown,
    ageUnknown: s.age.unknown.total,
    manufacturers: s.acquisition.manufacturer.length,
    builtAt: options.builtAt,
  });
  const item = (section: DatasheetSectionId, id: string) => {
    const found = sheet[section].find((i) => i.id === id);
    if (!found) throw new Error(`No datasheet item ${section}/${id}`);
    return sourced(found);
  };
  return {
    'rai:dataCollection': item('collection', 'where-when'),
    'rai:dataCollectionType': ['Secondary Data analysis'],
    'rai:dataCollectionTimeframe': [FACTS.temporalCoverage.start, FACTS.temporalCoverage.end],
    'rai:dataCollectionMissingData': item('composition', 'missing'),
    'rai:dataAnnotationProtocol': [item('labelling', 'method'), item('labelling', 'level')].join(
      ' ',
    ),
    'rai:dataPreprocessingProtocol': [
      item('preprocessing', 'deidentification'),
      item('preprocessing', 'image-processing'),
    ],
    'rai:dataUseCases': [item('uses', 'intended')],
    'rai:dataLimitations': [
      item('uses', 'commercial'),
      item('uses', 'derivatives'),
      item('uses', 'clinical'),
    ],
    'rai:dataBiases': knownSkews(s).map((k) => k.text.en),
    'rai:personalSensitiveInformation': [
      item('composition', 'sensitive'),
      item('preprocessing', 'deidentification'),
      item('preprocessing', 'this-site'),
    ],
    'rai:dataReleaseMaintenancePlan': [
      item('maintenance', 'version'),
      item('maintenance', 'updates'),
    ],
  };
}
