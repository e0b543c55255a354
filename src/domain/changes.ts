/**
 * What changed between two releases (`data/changes.json`) and the list of releases this site
 * knows (`data/versions.json`): their shape. The declared facts compared: `declaredOf`
 * (src/pipeline/releases/index.ts).
 */
import { z } from 'zod';

const releaseRefSchema = z.object({ version: z.string().nullable(), built: z.string() });

export const changesFileSchema = z.object({
  /** The earlier release (`--previous`), or null: this is the first recorded release. */
  from: releaseRefSchema.nullable(),
  to: releaseRefSchema,
  studies: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    /** `field` is the registry.csv column. */
    changed: z.array(
      z.object({ study: z.string(), field: z.string(), from: z.string(), to: z.string() }),
    ),
  }),
  /** Paths as in SHA256SUMS; empty unless both releases have SHA256SUMS. */
  files: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.string()),
  }),
  declared: z.array(
    z.object({
      key: z.string(),
      from: z.union([z.string(), z.number()]).nullable(),
      to: z.union([z.string(), z.number()]).nullable(),
    }),
  ),
});
export type ChangesFile = z.infer<typeof changesFileSchema>;

export const versionEntrySchema = z.object({
  version: z.string().nullable(),
  built: z.string(),
  studies: z.number().int(),
  files: z.number().int(),
});
export const versionsFileSchema = z.object({ versions: z.array(versionEntrySchema) });
export type VersionEntry = z.infer<typeof versionEntrySchema>;
export type VersionsFile = z.infer<typeof versionsFileSchema>;
