import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planSample } from '../../../src/sample/plan.ts';
import { REGISTRY_TIMESTAMP, registryWorkbook } from '../../../src/sample/registry.ts';

const studies = planSample({ studies: 12, seed: 4 }).studies;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

afterEach(() => {
  vi.useRealTimers();
});

describe('registryWorkbook', () => {
  it('does not depend on the clock: every zip entry and document date is fixed', async () => {
    const now = await registryWorkbook(studies);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const then = await registryWorkbook(studies);
    expect(sha256(then)).toBe(sha256(now));
    const zip = await JSZip.loadAsync(now);
    for (const entry of Object.values(zip.files)) {
      // DOS timestamps have two-second resolution; ours is a whole minute.
      expect(entry.date.toISOString(), entry.name).toBe(REGISTRY_TIMESTAMP.toISOString());
    }
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('2023-10-12T00:00:00Z');
  });

  it('does not depend on the time zone', async () => {
    const script = resolve(import.meta.dirname, 'registry-hash.ts');
    const { stdout } = await promisify(execFile)(process.execPath, [script], {
      env: { ...process.env, TZ: 'Pacific/Kiritimati' },
    });
    expect(stdout.trim()).toBe(sha256(await registryWorkbook(studies)));
  }, 60_000);
});
