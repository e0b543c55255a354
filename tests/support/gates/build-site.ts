/** Shared by the gates that build sites of their own. */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** A function that builds a complete site into `outDir` (the gates compare or inspect it). */
export type BuildInto = (outDir: string) => Promise<void>;
