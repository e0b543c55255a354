/**
 * The system tools the test suite needs, read from `.ci/system-tools.txt` (the one list, also
 * read by `.ci/run`), and a check that finds the missing ones. Pure parsing and lookup; the
 * test setup (tests/setup/system-tools.ts) turns a non-empty result into one message.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export const TOOLS_FILE = resolve(import.meta.dirname, '../../.ci/system-tools.txt');

export interface SystemTool {
  /** The Debian package that brings the commands. */
  package: string;
  commands: string[];
  /** What the tests use it for. */
  why: string;
}

/**
 * Parses the tools list: `package command... # why` per line, `#` lines are comments.
 * @example parseToolList('nginx nginx # deploy test') // [{ package: 'nginx', commands: ['nginx'], why: 'deploy test' }]
 */
export function parseToolList(text: string): SystemTool[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    .map((line) => {
      const [spec = '', ...why] = line.split('#');
      const [pkg = '', ...commands] = spec.trim().split(/\s+/);
      return { package: pkg, commands, why: why.join('#').trim() };
    });
}

export function readToolList(file = TOOLS_FILE): SystemTool[] {
  return parseToolList(readFileSync(file, 'utf8'));
}

/**
 * Folders searched besides PATH: Debian installs daemons such as nginx in /usr/sbin, which a
 * normal user's PATH often lacks.
 */
const SBIN = ['/usr/sbin', '/sbin', '/usr/local/sbin'];

/** Overrides the tests honour for a command (its full path in an environment variable). */
const OVERRIDES: Record<string, readonly string[]> = {
  chromium: ['CHROMIUM_PATH', 'CHROME_PATH'],
  java: ['JAVA'],
  nginx: ['NGINX'],
};

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The full path of a command: its override variable, else the first executable on PATH or in
 * the sbin folders; null when there is none.
 */
export function findCommand(
  command: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | null {
  for (const name of OVERRIDES[command] ?? []) {
    const path = env[name];
    if (path) return executable(path) ? path : null;
  }
  const dirs = [...(env['PATH'] ?? '').split(delimiter).filter(Boolean), ...SBIN];
  for (const dir of dirs) {
    const path = join(dir, command);
    if (executable(path)) return path;
  }
  return null;
}

export interface MissingTool {
  package: string;
  commands: string[];
  why: string;
}

/** The tools with at least one command not found, with the commands that are missing. */
export function missingTools(
  tools: readonly SystemTool[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): MissingTool[] {
  return tools.flatMap((tool) => {
    const missing = tool.commands.filter((c) => findCommand(c, env) === null);
    return missing.length ? [{ ...tool, commands: missing }] : [];
  });
}

/** The one message for missing tools: each named, then the single install line. */
export function missingToolsMessage(missing: readonly MissingTool[]): string {
  const width = Math.max(...missing.map((m) => m.commands.join(', ').length));
  return [
    `The tests need system tools that this machine lacks:`,
    ...missing.map(
      (m) => `  ${m.commands.join(', ').padEnd(width)}  (Debian package ${m.package}: ${m.why})`,
    ),
    `Install them with:`,
    `  sudo apt-get install -y --no-install-recommends ${missing.map((m) => m.package).join(' ')}`,
    `(or run \`sudo bash .ci/run\`, which installs them and runs the tests).`,
  ].join('\n');
}
