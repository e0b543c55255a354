/** Runs dcmtk's dcmdump and dicom3tools' dciodvfy on files, for the sample's tests. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** dcmdump's view of a file: tag "(gggg,eeee)" → value text (brackets removed), in file order. */
export async function dcmdump(path: string): Promise<Map<string, string>> {
  const { stdout } = await run('dcmdump', ['+L', '-M', path], { maxBuffer: 16 << 20 });
  const tags = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const match = /^\(([0-9a-f]{4},[0-9a-f]{4})\) [A-Z]{2} (.*?)\s+#\s+(\d+),/.exec(line);
    if (!match) continue;
    const raw = match[2]!;
    const value = raw.startsWith('[')
      ? raw.slice(1, raw.lastIndexOf(']'))
      : raw === '(no value available)'
        ? ''
        : raw;
    tags.set(match[1]!, value);
  }
  return tags;
}

/** dciodvfy's error and warning lines for a file (it reports on stderr). */
export async function dciodvfy(path: string): Promise<{ errors: string[]; warnings: string[] }> {
  const result = await run('dciodvfy', [path]).catch(
    (error: { stdout?: string; stderr?: string }) => ({
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  );
  const lines = `${result.stdout}\n${result.stderr}`.split('\n');
  return {
    errors: lines.filter((line) => line.startsWith('Error')),
    warnings: lines.filter((line) => line.startsWith('Warning')),
  };
}
