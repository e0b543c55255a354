import { describe, expect, it } from 'vitest';
import { parseBuildArgs, UsageError } from '../../scripts/lib/build-args.ts';

describe('parseBuildArgs', () => {
  it('defaults to the sample, dist/ and generated/ under the working folder', () => {
    const args = parseBuildArgs([], {}, '/project');
    expect(args).toMatchObject({
      dataset: null,
      out: '/project/dist',
      generated: '/project/generated',
      strict: false,
      force: false,
      sourceDateEpoch: undefined,
    });
    expect(args.concurrency).toBeGreaterThan(0);
  });

  it('reads every option, and DATASET_DIR / SOURCE_DATE_EPOCH from the environment', () => {
    const args = parseBuildArgs(
      ['--out', 'site', '--strict', '--force', '--concurrency', '3', '--generated', '/tmp/g'],
      { DATASET_DIR: 'data/mosmed', SOURCE_DATE_EPOCH: '1700000000' },
      '/project',
    );
    expect(args).toMatchObject({
      dataset: '/project/data/mosmed',
      out: '/project/site',
      generated: '/tmp/g',
      strict: true,
      force: true,
      concurrency: 3,
      sourceDateEpoch: 1_700_000_000,
    });
    expect(parseBuildArgs(['--dataset', '/d'], { DATASET_DIR: '/e' }, '/p').dataset).toBe('/d');
  });

  it('rejects unknown options and bad numbers with a usage error', () => {
    expect(() => parseBuildArgs(['--datset', 'x'], {}, '/p')).toThrow(UsageError);
    expect(() => parseBuildArgs(['--concurrency', '0'], {}, '/p')).toThrow(/positive integer/);
    expect(() => parseBuildArgs([], { SOURCE_DATE_EPOCH: 'yesterday' }, '/p')).toThrow(
      /SOURCE_DATE_EPOCH/,
    );
  });
});
