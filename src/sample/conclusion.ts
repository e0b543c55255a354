/**
 * The radiologist's text conclusion, in Russian, composed from one phrase per finding. The
 * phrase names the side and region where the phantom draws the finding, so text and images agree.
 */
import type { Rng } from './rng.ts';
import type { Lesion, Side } from './types.ts';

export const NORMAL_CONCLUSION = 'КТ-признаков внутричерепного кровоизлияния не выявлено.';

type Region = 'frontal' | 'temporal' | 'parietal' | 'occipital';

/** Region adjectives in the genitive singular feminine ("...ой области/доли/кости"). */
const REGION_GENITIVE: Record<Region | 'basal-ganglia', string> = {
  frontal: 'лобной',
  temporal: 'височной',
  parietal: 'теменной',
  occipital: 'затылочной',
  'basal-ganglia': 'подкорковой',
};
/** Region adjectives in the prepositional singular feminine ("в ...ой доле"). */
const REGION_PREPOSITIONAL: Record<Region, string> = {
  frontal: 'лобной',
  temporal: 'височной',
  parietal: 'теменной',
  occipital: 'затылочной',
};
const SIDE_ADVERB: Record<Side, string> = { R: 'справа', L: 'слева' };
const SIDE_ADJECTIVE: Record<Side, string> = { R: 'правой', L: 'левой' };

/**
 * The lobe an axial direction points to, at height z.
 * @example regionOf(-Math.PI / 2, 20) // 'frontal'
 */
export function regionOf(angle: number, z: number): Region {
  const towardsBack = Math.sin(angle);
  if (towardsBack < -0.55) return 'frontal';
  if (towardsBack > 0.55) return 'occipital';
  return z < 18 ? 'temporal' : 'parietal';
}

function phrase(lesion: Lesion): string {
  switch (lesion.kind) {
    case 'epidural':
      return `КТ-признаки острой эпидуральной гематомы ${REGION_GENITIVE[regionOf(lesion.angle, lesion.zCenter)]} области ${SIDE_ADVERB[lesion.side]} толщиной до ${Math.round(lesion.thickness)} мм.`;
    case 'subdural':
      return `КТ-признаки острой субдуральной гематомы ${SIDE_ADVERB[lesion.side]} в лобно-теменно-височной области толщиной до ${Math.round(lesion.thickness)} мм.`;
    case 'subarachnoid':
      return lesion.pattern === 'diffuse'
        ? 'КТ-признаки субарахноидального кровоизлияния в межполушарной щели, сильвиевых щелях, базальных цистернах и бороздах обоих полушарий.'
        : `КТ-признаки субарахноидального кровоизлияния в бороздах конвекситальной поверхности ${lesion.side === 'R' ? 'правого' : 'левого'} полушария.`;
    case 'intracerebral': {
      const [rx, ry, rz] = lesion.radii;
      const volume = Math.max(1, Math.round(((4 / 3) * Math.PI * rx * ry * rz) / 1000));
      const where =
        lesion.site === 'basal-ganglia'
          ? `в области базальных ядер ${SIDE_ADVERB[lesion.side]}`
          : `в ${SIDE_ADJECTIVE[lesion.side]} ${REGION_PREPOSITIONAL[lesion.site]} доле`;
      return `КТ-признаки внутримозговой гематомы ${where} объёмом около ${volume} см³ с перифокальным отёком.`;
    }
    case 'ventricular':
      return 'Прорыв крови в желудочковую систему: кровь в задних рогах боковых желудочков.';
    case 'fracture':
      return `КТ-признаки вдавленного перелома ${SIDE_ADJECTIVE[lesion.side]} ${REGION_GENITIVE[regionOf(lesion.angle, lesion.zCenter)]} кости, подапоневротическая гематома в проекции перелома.`;
    case 'ischemic':
      return `Постишемические кистозно-глиозные изменения в ${SIDE_ADJECTIVE[lesion.side]} ${REGION_PREPOSITIONAL[regionOf(lesion.angle, lesion.zCenter)]} доле.`;
  }
}

const NORMAL_ADDITIONS = [
  '',
  ' Очаговых изменений вещества головного мозга не выявлено.',
  ' Срединные структуры не смещены. Желудочковая система не расширена.',
  ' Костно-деструктивных и травматических изменений костей черепа не выявлено.',
] as const;

/**
 * The conclusion for a study: the normal sentence (with an optional neutral addition) when it
 * has no lesions, otherwise one sentence per lesion, led by a summary when there are several
 * kinds of hemorrhage.
 */
export function composeConclusion(
  lesions: readonly Lesion[],
  multiple: boolean,
  age: number,
  rng: Rng,
): string {
  if (lesions.length === 0) {
    const atrophy =
      age >= 70 && rng.chance(0.5) ? ' Возрастные атрофические изменения головного мозга.' : '';
    return NORMAL_CONCLUSION + rng.pick(NORMAL_ADDITIONS) + atrophy;
  }
  const sentences = lesions.map(phrase);
  if (multiple) sentences.unshift('КТ-признаки множественных внутричерепных кровоизлияний.');
  return sentences.join(' ');
}
