/**
 * The bench's child processes: a command run to its end with its output kept, and the Python
 * that has the peer's packages (peer-imaging.py).
 */
import { spawn } from 'node:child_process';

export interface Finished {
  code: number | null;
  stdout: string;
  /** The last 4,000 characters: enough for an error, bounded for a chatty build. */
  stderr: string;
}

export function runProcess(command: string, args: string[], cwd: string): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The Python that imports every one of `modules` (Debian's, also when another python3 is first
 * on PATH), or null.
 */
export async function peerPython(root: string, modules: readonly string[]): Promise<string | null> {
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = await runProcess(python, ['-c', `import ${modules.join(', ')}`], root).catch(
      () => null,
    );
    if (probe?.code === 0) return python;
  }
  return null;
}
