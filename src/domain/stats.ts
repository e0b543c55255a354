/**
 * Every distribution the site charts, computed by one pure function from public study
 * records. The pipeline runs it once for `stats.json`; the explorer runs the same code in the
 * browser on a filtered subset, so a number is the same everywhere.
 *
 * Unknown values are counted explicitly (as a `null` key or an `unknown` count), never dropped:
 * the counts of every distribution add up to the number of studies (or series) it covers.
 */
import { z } from 'zod';
import { FINDING_IDS } from './field-values.ts';
import { overviewSchema, sizeSchema } from './schemas.ts';

const count = z.number().int().nonnegative();

/** Counts split by class: with signs of hemorrhage, without, class unknown. */
export const classSplitSchema = z.object({ with: count, without: count, unknown: count });
export type ClassSplit = z.infer<typeof classSplitSchema>;

export const sexSplitSchema = z.object({ M: count, F: count, unknown: count });
export type SexSplit = z.infer<typeof sexSplitSchema>;

/** One value of a categorical parameter (null = not stated) and its count split by class. */
export const categoryCountSchema = z.object({
  key: z.string().nullable(),
  total: count,
  byClass: classSplitSchema,
});
export type CategoryCount = z.infer<typeof categoryCountSchema>;

/** A numeric bin [from, to). */
export const binSchema = z.object({ from: z.number(), to: z.number(), total: count });

export const ageBinSchema = binSchema.extend({ byClass: classSplitSchema, bySex: sexSplitSchema });
export type AgeBin = z.infer<typeof ageBinSchema>;

export const summarySchema = z.object({
  n: count,
  min: z.number().nullable(),
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
  max: z.number().nullable(),
});
export type Summary = z.infer<typeof summarySchema>;

const findingIdSchema = z.enum(FINDING_IDS);

export const statsFileSchema = z.object({
  total: count,
  /** Files and bytes on disk of the studies counted (their folders' every file). */
  size: sizeSchema,
  overview: overviewSchema,
  classBalance: classSplitSchema,
  sex: sexSplitSchema,
  age: z.object({
    binYears: z.number().int().positive(),
    bins: z.array(ageBinSchema),
    /** Studies with no age, split by class and sex like the bins. */
    unknown: z.object({ total: count, byClass: classSplitSchema, bySex: sexSplitSchema }),
    summary: summarySchema,
  }),
  findings: z.array(
    z.object({ id: findingIdSchema, present: count, absent: count, unknown: count }),
  ),
  cooccurrence: z.object({
    /** Set sizes: studies with each finding present. */
    sets: z.array(z.object({ id: findingIdSchema, size: count })),
    /** Every combination of present findings that occurs (exactly these, no others), by count. */
    intersections: z.array(z.object({ sets: z.array(findingIdSchema), count })),
    /** Studies with no finding present (including every study without pathology). */
    none: count,
  }),
  ageByFinding: z.array(summarySchema.extend({ id: findingIdSchema })),
  acquisition: z.object({
    sliceThickness: z.array(categoryCountSchema),
    kvp: z.array(categoryCountSchema),
    tubeCurrent: z.object({
      binMa: z.number().positive(),
      bins: z.array(binSchema.extend({ byClass: classSplitSchema })),
      unknown: z.object({ total: count, byClass: classSplitSchema }),
    }),
    kernel: z.array(categoryCountSchema),
    manufacturer: z.array(categoryCountSchema),
    /** Manufacturer and model as `Manufacturer · Model`. */
    model: z.array(categoryCountSchema),
  }),
  seriesPerStudy: z.array(z.object({ series: count, count })),
  imagesPerSeries: z.object({
    binImages: z.number().positive(),
    bins: z.array(binSchema),
    summary: summarySchema,
  }),
});
export type Stats = z.infer<typeof statsFileSchema>;
