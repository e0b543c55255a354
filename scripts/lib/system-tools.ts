/**
 * The system tools the test suite needs, read from `.ci/system-tools.txt` (the one list, also
 * read by `.ci/run`), each with the test projects that use it, and a check that finds the
 * missing ones. Pure parsing and lookup; the test setup (tests/setup/system-tools.ts) picks a
 * project's tools and turns a non-empty result into one message.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export const TOOLS_FILE = resolve(import.meta.dirname, '../../.ci/system-tools.txt');

export interface SystemTool {
  /** The Debian package that brings the commands. */
  package: string;
  /** The test projects (vitest.config.ts) whose tests run these commands. */
  projects: string[];
  commands: string[];
  /** What the tests use it for. */
  why: string;
}

/**
 * Parses the tools list: `package projects command... # why` per line (projects
 * comma-separated), `#` lines are comments. A "command" `python3:<module>` is a Python module
 * that Debian's python3 must import.
 * @example parseToolList('nginx browser nginx # deploy test') // [{ package: 'nginx', projects: ['browser'], commands: ['nginx'], why: 'deploy test' }]
 */
export function parseToolList(text: string): SystemTool[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    .map((line) => {
      const [spec = '', ...why] = line.split('#');
      const [pkg = '', projects = '', ...commands] = spec.trim().split(/\s+/);
      return {
        package: pkg,
        projects: projects.split(',').filter(Boolean),
        commands,
        why: why.join('#').trim(),
      };
    });
}

/** The tools a test project uses (its name as in vitest.config.ts: unit, site, browser). */
export function toolsFor(project: string, tools: readonly SystemTool[]): SystemTool[] {
  return tools.filter((tool) => tool.projects.includes(project));
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

/**
 * The Pythons tried for a module, in order: `$PYTHON3`, python3 on PATH, then Debian's
 * /usr/bin/python3 (a pyenv or venv python3 first on PATH usually lacks Debian's modules).
 */
function pythonCandidates(env: Readonly<Record<string, string | undefined>>): string[] {
  const onPath = findCommand('python3', env);
  return [...new Set([env['PYTHON3'], onPath, '/usr/bin/python3'].filter((p): p is string => !!p))];
}

const imports = new Map<string, boolean>();
function pythonImports(python: string, modules: readonly string[]): boolean {
  const key = `${python}\u0000${modules.join(',')}`;
  let ok = imports.get(key);
  if (ok === undefined) {
    const run = spawnSync(python, ['-c', `import ${modules.join(', ')}`], { stdio: 'ignore' });
    ok = run.status === 0;
    imports.set(key, ok);
  }
  return ok;
}

/**
 * The first python3 (see pythonCandidates) that imports every one of `modules`, or null.
 * @example findPython(['pandas', 'pydicom']) // '/usr/bin/python3'
 */
export function findPython(
  modules: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | null {
  return pythonCandidates(env).find((python) => pythonImports(python, modules)) ?? null;
}

/** Whether a list entry is there: a command found, or a `python3:<module>` importable. */
function available(command: string, env: Readonly<Record<string, string | undefined>>): boolean {
  const module = /^python3:(.+)$/.exec(command)?.[1];
  if (module !== undefined) return findPython([module], env) !== null;
  return findCommand(command, env) !== null;
}

/** How the message names a list entry: `pandas (Python module)` for `python3:pandas`. */
function shownName(command: string): string {
  const module = /^python3:(.+)$/.exec(command)?.[1];
  return module === undefined ? command : `${module} (Python module)`;
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
    const missing = tool.commands.filter((c) => !available(c, env));
    return missing.length ? [{ package: tool.package, commands: missing, why: tool.why }] : [];
  });
}

/**
 * The one message for missing tools: each named, then the single install line; `project`
 * names the test project that needs them.
 */
export function missingToolsMessage(missing: readonly MissingTool[], project?: string): string {
  const names = missing.map((m) => m.commands.map(shownName).join(', '));
  const width = Math.max(...names.map((n) => n.length));
  const who = project === undefined ? 'The tests' : `The ${project} tests`;
  return [
    `${who} need system tools that this machine lacks:`,
    ...missing.map(
      (m, i) => `  ${names[i]!.padEnd(width)}  (Debian package ${m.package}: ${m.why})`,
    ),
    `Install them with:`,
    `  sudo apt-get install -y --no-install-recommends ${missing.map((m) => m.package).join(' ')}`,
    `(or run \`sudo bash .ci/run\`, which installs them and runs the tests).`,
  ].join('\n');
}
