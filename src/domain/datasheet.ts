/**
 * The datasheet ("Datasheets for Datasets", Gebru et al.): each question answered from the
 * dataset's README — with the README section named — or from the data this build computed,
 * or marked as not stated in the dataset's documentation. Nothing here is invented: an
 * answer the README does not give is `notStated`. The datasheet page renders this, and
 * Croissant's RAI fields read the English answers (src/domain/croissant.ts).
 */
import type { Localized } from './labels.ts';
import { FACTS } from './facts.ts';
import { README_INTRO } from './known-skews.ts';

/** Where an answer comes from. */
export type AnswerSource =
  | { kind: 'readme'; section: Localized }
  | { kind: 'data' }
  | { kind: 'site' }
  | { kind: 'notStated' };

export interface DatasheetItem {
  id: string;
  question: Localized;
  /** Absent when the documentation is silent (`source.kind === 'notStated'`). */
  answer?: Localized;
  source: AnswerSource;
}

export const DATASHEET_SECTIONS = [
  'motivation',
  'composition',
  'collection',
  'labelling',
  'preprocessing',
  'uses',
  'distribution',
  'maintenance',
] as const;
export type DatasheetSectionId = (typeof DATASHEET_SECTIONS)[number];

/** README sections by their headings (Russian original, English translation). */
export const README_SECTIONS = {
  intro: README_INTRO,
  disclaimer: { ru: 'Дисклеймер', en: 'Disclaimer' },
  authors: { ru: 'Аффилиация и авторы', en: 'Affiliation and authors' },
  funding: { ru: 'Общая информация › Финансирование', en: 'General information › Funding' },
  verification: {
    ru: 'Общая информация › Методы верификации',
    en: 'General information › Verification methods',
  },
  classes: {
    ru: 'Общая информация › Классы разметки',
    en: 'General information › Annotation classes',
  },
  version: {
    ru: 'Общая информация › Версия набора данных, Дата публикации',
    en: 'General information › Dataset version, Publication date',
  },
  link: { ru: 'Общая информация › Постоянная ссылка', en: 'General information › Permanent link' },
  structure: { ru: 'Структура набора данных', en: 'Dataset structure' },
  overview: { ru: 'Обзор данных', en: 'Data overview' },
  license: {
    ru: 'Правила использования и распространения › Лицензия',
    en: 'Terms of use and distribution › License',
  },
  distribution: {
    ru: 'Правила использования и распространения › Распространение',
    en: 'Terms of use and distribution › Distribution',
  },
} satisfies Record<string, Localized>;

const readme = (section: Localized): AnswerSource => ({ kind: 'readme', section });
const NOT_STATED: AnswerSource = { kind: 'notStated' };

const q = (ru: string, en: string): Localized => ({ ru, en });

/** Computed figures the answers quote (scope: the studies of this build). */
export interface DatasheetFigures {
  studies: number;
  withPathology: number;
  withoutPathology: number;
  sexUnknown: number;
  ageUnknown: number;
  manufacturers: number;
  /** ISO date of the build input. */
  builtAt: string;
}

/** The datasheet, section by section. */
export function datasheet(f: DatasheetFigures): Record<DatasheetSectionId, DatasheetItem[]> {
  return {
    motivation: [
      {
        id: 'purpose',
        question: q('Для чего создан набор данных?', 'For what purpose was the dataset created?'),
        answer: q(
          'Для разработки, дообучения и тестирования программных продуктов (в том числе использующих методы компьютерного зрения), выявляющих признаки, характерные для кровоизлияний в головной мозг; для информирования медицинского сообщества и общественности.',
          'For developing, fine-tuning and testing software (including computer-vision methods) that detects signs characteristic of brain hemorrhage; and for informing the medical community and the public.',
        ),
        source: readme(README_SECTIONS.disclaimer),
      },
      {
        id: 'creators',
        question: q('Кто создал набор данных?', 'Who created the dataset?'),
        answer: q(
          `${FACTS.authors.map((p) => `${p.family.ru} ${p.initials.ru}`).join(', ')}; ${FACTS.affiliation.ru}.`,
          `${FACTS.authors.map((p) => `${p.family.en} ${p.initials.en}`).join(', ')}; ${FACTS.affiliation.en}.`,
        ),
        source: readme(README_SECTIONS.authors),
      },
      {
        id: 'funding',
        question: q('Кто финансировал создание?', 'Who funded its creation?'),
        answer: FACTS.funding.text,
        source: readme(README_SECTIONS.funding),
      },
    ],
    composition: [
      {
        id: 'instances',
        question: q('Что представляет собой один экземпляр?', 'What does one instance represent?'),
        answer: q(
          'Одно КТ-исследование головного мозга одного пациента в формате DICOM (папка studies/<studyUID>/<seriesUID>/…) и одна строка реестра dataset_registry.xlsx с клиническими и техническими параметрами.',
          'One brain CT study of one patient in DICOM (folder studies/<studyUID>/<seriesUID>/…) and one row of the dataset_registry.xlsx registry with clinical and technical parameters.',
        ),
        source: readme(README_SECTIONS.structure),
      },
      {
        id: 'count',
        question: q('Сколько экземпляров?', 'How many instances are there?'),
        answer: q(
          `В этой сборке: ${f.studies} исследований, ${f.withPathology} с признаками кровоизлияния и ${f.withoutPathology} без них. README заявляет 800 исследований 800 пациентов, 400/400.`,
          `In this build: ${f.studies} studies, ${f.withPathology} with signs of hemorrhage and ${f.withoutPathology} without. The README declares 800 studies of 800 patients, 400/400.`,
        ),
        source: { kind: 'data' },
      },
      {
        id: 'labels',
        question: q(
          'Какие данные есть у каждого экземпляра?',
          'What data does each instance have?',
        ),
        answer: q(
          'Признаки эпидурального, субарахноидального, субдурального, внутримозгового, множественных кровоизлияний, перелома костей черепа, сочетанных патологий, прорыва в ликворные пространства; текстовое заключение врача-рентгенолога; возраст; толщина среза, kVp, сила тока трубки, фильтр реконструкции, производитель.',
          'Signs of epidural, subarachnoid, subdural, intracerebral and multiple hemorrhage, skull fracture, combined pathologies, ventricular breakthrough; the radiologist’s text conclusion; age; slice thickness, kVp, tube current, reconstruction kernel, manufacturer.',
        ),
        source: readme(README_SECTIONS.intro),
      },
      {
        id: 'missing',
        question: q('Есть ли пропущенные значения?', 'Are there missing values?'),
        answer: q(
          `В этой сборке пол не указан у ${f.sexUnknown}, возраст — у ${f.ageUnknown} исследований (подробно — на странице качества данных).`,
          `In this build sex is not specified for ${f.sexUnknown} and age for ${f.ageUnknown} studies (details on the data quality page).`,
        ),
        source: { kind: 'data' },
      },
      {
        id: 'sensitive',
        question: q(
          'Есть ли данные о людях, которые могут считаться чувствительными?',
          'Does it contain data about people that may be sensitive?',
        ),
        answer: q(
          'Да: медицинские изображения головы, возраст и пол пациентов, текстовые заключения врача — сведения о здоровье.',
          'Yes: medical images of the head, patients’ age and sex, and the radiologists’ text conclusions — health information.',
        ),
        source: readme(README_SECTIONS.intro),
      },
    ],
    collection: [
      {
        id: 'where-when',
        question: q('Где и когда собраны данные?', 'Where and when were the data collected?'),
        answer: q(
          `В отделениях лучевой диагностики лечебных учреждений города Москвы, с ${FACTS.temporalCoverage.start} по ${FACTS.temporalCoverage.end}.`,
          `In the radiology departments of Moscow healthcare facilities, from ${FACTS.temporalCoverage.start} to ${FACTS.temporalCoverage.end}.`,
        ),
        source: readme(README_SECTIONS.intro),
      },
      {
        id: 'scanners',
        question: q('На каком оборудовании?', 'With what equipment?'),
        answer: q(
          `Компьютерные томографы ${f.manufacturers} производителей в этой сборке (см. «Известные перекосы» ниже и страницу статистики).`,
          `CT scanners of ${f.manufacturers} manufacturers in this build (see "Known skews" below and the statistics page).`,
        ),
        source: { kind: 'data' },
      },
      {
        id: 'sampling',
        question: q(
          'Как отбирались исследования (стратегия выборки)?',
          'How were the studies selected (sampling strategy)?',
        ),
        source: NOT_STATED,
      },
      {
        id: 'consent',
        question: q(
          'Было ли согласие пациентов или одобрение этического комитета?',
          'Was there patient consent or ethics committee approval?',
        ),
        source: NOT_STATED,
      },
    ],
    labelling: [
      {
        id: 'method',
        question: q('Как получены метки?', 'How were the labels obtained?'),
        answer: q(
          `Метод верификации: «${FACTS.verification.ru}». Класс разметки: ${FACTS.annotationClass} (README не расшифровывает его).`,
          `Verification method: "${FACTS.verification.en}" (README: «${FACTS.verification.ru}»). Annotation class: ${FACTS.annotationClass} (the README does not explain it).`,
        ),
        source: readme(README_SECTIONS.verification),
      },
      {
        id: 'level',
        question: q('Что размечено?', 'What is labelled?'),
        answer: q(
          'Наличие или отсутствие каждого признака для исследования целиком (да/нет в реестре) и текстовое заключение; в структуре набора нет масок или разметки отдельных срезов.',
          'The presence or absence of each sign for the study as a whole (yes/no in the registry) and a text conclusion; the dataset structure has no masks and no slice-level labels.',
        ),
        source: readme(README_SECTIONS.structure),
      },
      {
        id: 'readers',
        question: q(
          'Сколько врачей размечало каждое исследование, каков их опыт?',
          'How many readers labelled each study, with what experience?',
        ),
        source: NOT_STATED,
      },
      {
        id: 'agreement',
        question: q(
          'Как разрешались расхождения, какова согласованность?',
          'How were disagreements resolved; what was the agreement?',
        ),
        source: NOT_STATED,
      },
    ],
    preprocessing: [
      {
        id: 'deidentification',
        question: q('Как данные обезличены?', 'How were the data de-identified?'),
        source: NOT_STATED,
      },
      {
        id: 'image-processing',
        question: q(
          'Обрабатывались ли изображения (отбор серий, сжатие, нормализация)?',
          'Were the images processed (series selection, compression, normalisation)?',
        ),
        source: NOT_STATED,
      },
      {
        id: 'this-site',
        question: q('Что показывает этот сайт?', 'What does this site show?'),
        answer: q(
          'Только разрешённый список атрибутов DICOM (модальность, производитель, модель, толщина среза, kVp, ток, экспозиция, фильтр, матрица, размер пикселя, шаг срезов, число изображений, синтаксис передачи) и поля реестра; никаких имён, идентификаторов, дат исследований, учреждений.',
          'Only an allow-list of DICOM attributes (modality, manufacturer, model, slice thickness, kVp, tube current, exposure, kernel, matrix, pixel spacing, spacing between slices, number of images, transfer syntax) and the registry’s fields; no names, identifiers, study dates or institutions.',
        ),
        source: { kind: 'site' },
      },
    ],
    uses: [
      {
        id: 'intended',
        question: q('Для каких задач предназначен?', 'What is it intended for?'),
        answer: q(
          'Разработка, дообучение и тестирование программных продуктов, выявляющих признаки кровоизлияний в головной мозг; информирование медицинского сообщества и общественности.',
          'Developing, fine-tuning and testing software that detects signs of brain hemorrhage; informing the medical community and the public.',
        ),
        source: readme(README_SECTIONS.disclaimer),
      },
      {
        id: 'commercial',
        question: q('Коммерческое использование?', 'Commercial use?'),
        answer: q(
          'Запрещено лицензией: нельзя использовать набор данных в коммерческих целях.',
          'Forbidden by the license: the dataset may not be used for commercial purposes.',
        ),
        source: readme(README_SECTIONS.disclaimer),
      },
      {
        id: 'derivatives',
        question: q('Распространение изменённых данных?', 'Redistributing modified data?'),
        answer: q(
          'Запрещено: нельзя распространять переработанный, преобразованный набор данных или новые наборы, созданные на его основе; нельзя накладывать дополнительные ограничения (платный доступ, технические препятствия).',
          'Forbidden: no redistributing a remixed or transformed dataset, or new datasets built on it; no adding restrictions (paid access, technical barriers).',
        ),
        source: readme(README_SECTIONS.disclaimer),
      },
      {
        id: 'clinical',
        question: q('Клиническое применение?', 'Clinical use?'),
        answer: q(
          'Не входит в заявленные цели: README называет только разработку и тестирование программ и информирование. Набор данных — не медицинское изделие и не инструмент диагностики.',
          'Not among the stated purposes: the README names only developing and testing software and informing. The dataset is not a medical device or a diagnostic tool.',
        ),
        source: readme(README_SECTIONS.disclaimer),
      },
    ],
    distribution: [
      {
        id: 'license',
        question: q('На каких условиях распространяется?', 'Under what terms is it distributed?'),
        answer: {
          ru: `${FACTS.license.name} (${FACTS.license.short}). ${FACTS.copyright.text.ru}`,
          en: `${FACTS.license.name} (${FACTS.license.short}). ${FACTS.copyright.text.en}`,
        },
        source: readme(README_SECTIONS.license),
      },
      {
        id: 'where',
        question: q('Где его получить?', 'Where can it be obtained?'),
        answer: q(
          `По постоянной ссылке ${FACTS.permanentLink}`,
          `Through the permanent link ${FACTS.permanentLink}`,
        ),
        source: readme(README_SECTIONS.link),
      },
      {
        id: 'attribution',
        question: q(
          'Что нужно указывать при распространении?',
          'What must accompany it when shared?',
        ),
        answer: q(
          'Авторов, аффилиации, правообладателя (копирайт), постоянную ссылку на оригинальный набор данных и ссылку на лицензию.',
          'The authors, affiliations, copyright holder, the permanent link to the original dataset and a link to the license.',
        ),
        source: readme(README_SECTIONS.distribution),
      },
    ],
    maintenance: [
      {
        id: 'version',
        question: q('Какая версия, когда опубликована?', 'Which version, published when?'),
        answer: q(
          `Версия ${FACTS.version}, опубликована ${FACTS.datePublished}.`,
          `Version ${FACTS.version}, published ${FACTS.datePublished}.`,
        ),
        source: readme(README_SECTIONS.version),
      },
      {
        id: 'build',
        question: q('Из каких данных собран этот сайт?', 'What data was this site built from?'),
        answer: q(
          `Входные данные сборки датированы ${f.builtAt.slice(0, 10)}.`,
          `The build input is dated ${f.builtAt.slice(0, 10)}.`,
        ),
        source: { kind: 'data' },
      },
      {
        id: 'updates',
        question: q(
          'Будет ли набор обновляться, кто его поддерживает, куда сообщать об ошибках?',
          'Will it be updated, who maintains it, where to report errors?',
        ),
        source: NOT_STATED,
      },
    ],
  };
}
