/**
 * The real build's output under stress (issue 23): `--out` on another file system (tmpfs), two
 * builds on one checkout at once, and Ctrl-C during a build (exit 130, a message, nothing left
 * next to `--out`). The 20-study sample is generated once into .cache/sample/.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE, ROOT, runBuild } from '../support/run-build.ts';

const work = await mkdtemp(join(tmpdir(), 'hostile-output-'));
const shm = existsSync('/dev/shm') ? await mkdtemp('/dev/shm/hostile-output-') : work;
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(shm, { recursive: true, force: true });
});
const sample = ['--studies', '20', '--force'];

describe('the build output', () => {
  it('builds to another file system, two builds at once on one checkout', async () => {
    const [a, b] = await Promise.all([
      runBuild([...sample, '--out', join(shm, 'a'), '--generated', join(work, 'gen-a')]),
      runBuild([...sample, '--out', join(work, 'b'), '--generated', join(work, 'gen-b')]),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    for (const out of [join(shm, 'a'), join(work, 'b')]) {
      expect(existsSync(join(out, 'ru/index.html'))).toBe(true);
    }
    expect((await readdir(shm)).filter((n) => n.includes('.tmp-'))).toEqual([]);
  }, 600_000);

  it('Ctrl-C: exits 130, says what happened, leaves no staging folder', async () => {
    const out = join(work, 'interrupted');
    const child = execFile(
      NODE,
      [join(ROOT, 'scripts/build.ts'), ...sample, '--out', out, '--generated', join(work, 'gen-i')],
      { cwd: ROOT, env: { ...process.env, CI: '1' } },
    );
    let stderr = '';
    child.stderr!.on('data', (d: string) => {
      stderr += d;
      // Interrupt once the pipeline has started.
      if (/registry|imaging|astro/.test(stderr) && child.exitCode === null) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(130);
    expect(stderr).toContain('Interrupted (SIGINT) during the');
    expect((await readdir(work)).filter((n) => n.startsWith('interrupted.tmp-'))).toEqual([]);
  }, 600_000);
});
