/**
 * `npm run docs:findings`: rewrites the table of finding codes in docs/build.md from the
 * finding catalog (src/domain/findings-catalog.ts), formatted as prettier formats the docs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import prettier from 'prettier';
import { findingsTable, withTable } from './lib/findings-table.ts';

const path = resolve(import.meta.dirname, '../docs/build.md');
const options = { ...(await prettier.resolveConfig(path)), filepath: path };
const doc = await readFile(path, 'utf8');
await writeFile(path, await prettier.format(withTable(doc, findingsTable()), options));
process.stdout.write(`Wrote the finding codes' table in ${path}\n`);
