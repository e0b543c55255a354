/**
 * The plan of a synthetic sample: everything decided before a single pixel is drawn.
 * Plain data (no classes), so it can be posted to worker threads.
 * Coordinates are millimetres in the patient's frame relative to the head's centre:
 * x towards the patient's left, y towards the back (posterior), z towards the vertex (DICOM LPS).
 */
import type { FindingId } from '../domain/field-values.ts';

export type Side = 'R' | 'L';

/** An acute epidural hematoma: a biconvex lens against the inner table. */
export interface EpiduralLesion {
  kind: 'epidural';
  side: Side;
  /** Direction of the lens centre in the axial plane, radians (0 = patient's left, pi/2 = back). */
  angle: number;
  /** Half of the angular extent, radians. */
  halfAngle: number;
  /** Maximum thickness at the centre, mm. */
  thickness: number;
  zCenter: number;
  zHalf: number;
  hu: number;
}

/** An acute subdural hematoma: a long crescent along the inner table. */
export interface SubduralLesion {
  kind: 'subdural';
  side: Side;
  angle: number;
  halfAngle: number;
  thickness: number;
  zCenter: number;
  zHalf: number;
  hu: number;
}

/** Subarachnoid blood: in the sulci of one convexity, or diffuse in fissures and cisterns. */
export interface SubarachnoidLesion {
  kind: 'subarachnoid';
  pattern: 'convexity' | 'diffuse';
  side: Side;
  /** Convexity: the sulci within halfAngle of angle are filled. */
  angle: number;
  halfAngle: number;
  zCenter: number;
  zHalf: number;
  hu: number;
}

/** An intracerebral hematoma: a lobulated blob with a rim of oedema. */
export interface IntracerebralLesion {
  kind: 'intracerebral';
  site: 'basal-ganglia' | 'frontal' | 'temporal' | 'parietal' | 'occipital';
  side: Side;
  center: [number, number, number];
  radii: [number, number, number];
  /** Phase of the boundary's lobulation, radians. */
  lobePhase: number;
  edema: number;
  hu: number;
}

/** Blood layering in the dependent (posterior) horns of the lateral ventricles. */
export interface VentricularLesion {
  kind: 'ventricular';
  /** Fraction (0-1) of each ventricle's length, from the back, that is filled with blood. */
  fill: number;
  hu: number;
}

/** A linear skull fracture, with a scalp hematoma over it. */
export interface FractureLesion {
  kind: 'fracture';
  side: Side;
  angle: number;
  /** How much the line's angle drifts from outer to inner table, radians. */
  obliquity: number;
  width: number;
  /** How far the fragment beside the line is pushed inwards, mm. */
  depression: number;
  zCenter: number;
  zHalf: number;
  scalpHematoma: number;
}

/** A non-hemorrhagic finding that makes a study "combined": an old post-ischemic focus. */
export interface IschemicLesion {
  kind: 'ischemic';
  side: Side;
  angle: number;
  halfAngle: number;
  depth: number;
  zCenter: number;
  zHalf: number;
  hu: number;
}

export type Lesion =
  | EpiduralLesion
  | SubduralLesion
  | SubarachnoidLesion
  | IntracerebralLesion
  | VentricularLesion
  | FractureLesion
  | IschemicLesion;

/** The head's shape for one study. */
export interface HeadShape {
  /** Outer skull semi-axes at the widest level, mm (x: left-right, y: front-back). */
  semiAxisX: number;
  semiAxisY: number;
  /** Mean skull thickness, mm. */
  skullThickness: number;
  scalpThickness: number;
  /** Width of the CSF layer over the brain, mm; grows with age (atrophy). */
  csfSpace: number;
  /** Scale of the ventricles; grows with age. */
  ventricleScale: number;
  /** Where the head's centre lies in the patient frame, mm (the scanner does not centre it exactly). */
  offset: [number, number, number];
  /** Small phase terms that make each skull's outline its own. */
  shapePhase: number;
  /** Angles of the cortical sulci, radians. */
  sulci: number[];
}

export type KernelKind = 'soft' | 'bone';

export interface SeriesPlan {
  uid: string;
  number: number;
  manufacturer: string;
  model: string;
  kernel: string;
  kernelKind: KernelKind;
  kvp: number;
  /** mA */
  tubeCurrent: number;
  /** mAs */
  exposure: number;
  /** ms */
  exposureTime: number;
  sliceThickness: number;
  /** Distance between consecutive slice positions, mm. */
  spacing: number;
  rows: number;
  columns: number;
  pixelSpacing: number;
  bitsStored: 12 | 16;
  /** z of each slice, in InstanceNumber order (InstanceNumber = index + 1). */
  sliceZ: number[];
  /** SOPInstanceUID of each slice, in InstanceNumber order. */
  instanceUids: string[];
  description: string;
  /** Transfer syntax of every file of the series (see src/sample/syntaxes.ts). */
  transferSyntax: string;
}

export type Findings = Record<FindingId, boolean>;

export interface StudyPlan {
  index: number;
  uid: string;
  frameOfReferenceUid: string;
  /** Synthetic patient code, e.g. `HEM-SYN-0001`: anonymised like the real data. */
  patientCode: string;
  age: number;
  sex: 'M' | 'F' | null;
  pathology: boolean;
  findings: Findings;
  lesions: Lesion[];
  conclusion: string;
  /** DICOM DA/TM of the (synthetic) acquisition. */
  studyDate: string;
  studyTime: string;
  head: HeadShape;
  series: SeriesPlan[];
}

export interface SamplePlan {
  seed: number;
  studies: StudyPlan[];
}
