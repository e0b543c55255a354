/**
 * The Nu HTML Checker (vnu.jar from the `vnu-jar` npm package) on Debian's Java: one JVM run
 * over a list of files, errors only. The package's own Java downloader is never used (its
 * install script is not approved); `java` must be on the PATH (.ci/run installs
 * default-jre-headless), or named by the JAVA environment variable.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

export interface VnuMessage {
  type: string;
  /** Absolute path of the checked file. */
  file: string;
  line: number;
  message: string;
  extract: string;
}

interface VnuJsonMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Runs vnu once over `files` and returns its error messages (warnings are not reported). */
export async function validateHtml(files: string[]): Promise<VnuMessage[]> {
  const java = process.env.JAVA ?? 'java';
  let stderr: string;
  try {
    ({ stderr } = await run(
      java,
      ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--exit-zero-always', ...files],
      { maxBuffer: 64 * 1024 * 1024 },
    ));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new Error(
        `Java not found (${java}): install it, e.g. apt-get install default-jre-headless`,
        { cause: error },
      );
    }
    throw error;
  }
  const { messages } = JSON.parse(stderr) as { messages: VnuJsonMessage[] };
  return messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => ({
      type: m.subType ?? m.type,
      file: m.url?.startsWith('file:') ? fileURLToPath(m.url) : (m.url ?? ''),
      line: m.lastLine ?? 0,
      message: m.message,
      extract: m.extract ?? '',
    }));
}
