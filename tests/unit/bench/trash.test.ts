import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Trash } from '../../../scripts/bench/trash.ts';

describe("the bench's trash (a run's folders set aside, deleted after the last run)", () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('moves each folder away whole, skips what is not there, and deletes it all at the end', async () => {
    root = mkdtempSync(join(tmpdir(), 'bench-trash-'));
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'en'), { recursive: true });
    writeFileSync(join(dist, 'en', 'index.html'), '<p>run 1</p>');
    const trash = new Trash(join(root, 'trash'));

    await trash.setAside([dist, join(root, 'never-built')]);
    expect(existsSync(dist)).toBe(false);
    const [kept] = readdirSync(join(root, 'trash'));
    expect(readdirSync(join(root, 'trash', kept!, 'en'))).toEqual(['index.html']);

    // The next run's folder of the same name is set aside next to the first, not over it.
    mkdirSync(dist);
    await trash.setAside([dist]);
    expect(readdirSync(join(root, 'trash'))).toHaveLength(2);

    await trash.empty();
    expect(existsSync(join(root, 'trash'))).toBe(false);
  });
});
