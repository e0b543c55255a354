/**
 * Runs first in each test project, before the test site is built and before any test: checks
 * that the system tools `.ci/system-tools.txt` lists for this project are there (the unit
 * project needs no browser, web server or Java), and otherwise stops the run with one message
 * naming each missing tool and the one `apt-get install` line that brings them all.
 */
import type { TestProject } from 'vitest/node';
import {
  missingTools,
  missingToolsMessage,
  readToolList,
  toolsFor,
} from '../../scripts/lib/system-tools.ts';

export default function setup(project: Pick<TestProject, 'name'>): void {
  const missing = missingTools(toolsFor(project.name, readToolList()));
  if (missing.length === 0) return;
  process.stderr.write(`\n${missingToolsMessage(missing, project.name)}\n\n`);
  // Exit here rather than throw: vitest would add "no test files found" and a second copy of
  // the message after it, burying the install line.
  process.exit(1);
}
