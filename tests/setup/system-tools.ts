/**
 * Runs first, before the test site is built and before any test: checks that every system tool
 * of `.ci/system-tools.txt` is there, and otherwise stops the run with one message naming each
 * missing tool and the one `apt-get install` line that brings them all.
 */
import { missingTools, missingToolsMessage, readToolList } from '../../scripts/lib/system-tools.ts';

export default function setup(): void {
  const missing = missingTools(readToolList());
  if (missing.length === 0) return;
  process.stderr.write(`\n${missingToolsMessage(missing)}\n\n`);
  // Exit here rather than throw: vitest would add "no test files found" and a second copy of
  // the message after it, burying the install line.
  process.exit(1);
}
