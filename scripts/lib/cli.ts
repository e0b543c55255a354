/**
 * The one command-line helper of the npm scripts (build, sample, bench): options read by
 * node:util's `parseArgs`, strictly (an unknown option or a missing value is an error), whole
 * numbers checked one way, and every problem a `UsageError`, which `runCommand` prints with the
 * usage text and turns into exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A bad command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * The options of `argv` (no positionals), as `parseArgs` types them; its errors as UsageError.
 * @example parseOptions(['--out', 'x'], { out: { type: 'string' } }).out // 'x'
 */
export function parseOptions<const T extends OptionsConfig>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * An option's whole number, at least `min`; undefined when the option was not given.
 * @example integerOption('runs', '3') // 3
 * @example integerOption('seed', '-1', 0) // throws UsageError
 */
export function integerOption(name: string, text: string | undefined, min = 1): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    const what = min === 1 ? 'a positive integer' : `an integer >= ${min}`;
    throw new UsageError(`--${name} must be ${what}, got "${text}"`);
  }
  return value;
}

/** What a parse function returns for `--help`. */
export interface HelpAsked {
  help: true;
}

const asksHelp = (args: unknown): args is HelpAsked =>
  typeof args === 'object' && args !== null && (args as { help?: unknown }).help === true;

/**
 * Runs a command: parses its arguments (a UsageError prints `<name>: <message>` and the usage
 * on stderr: exit code 2), prints the usage for `--help` (exit code 0), else runs `main` and
 * returns its exit code.
 */
export async function runCommand<Args>(command: {
  name: string;
  usage: string;
  parse: () => Args | HelpAsked;
  main: (args: Args) => Promise<number>;
}): Promise<number> {
  let args: Args | HelpAsked;
  try {
    args = command.parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${command.name}: ${error.message}\n\n${command.usage}\n`);
    return 2;
  }
  if (asksHelp(args)) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.main(args);
}
