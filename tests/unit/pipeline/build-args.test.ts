import { describe, expect, it } from 'vitest';
import { parseBuildArgs } from '../../../scripts/lib/build-args.ts';
import { UsageError } from '../../../scripts/lib/cli.ts';

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

  it('computes checksums unless --no-checksums (--checksums still accepted)', () => {
    expect(parseBuildArgs([], {}, '/p').checksums).toBe(true);
    expect(parseBuildArgs(['--checksums'], {}, '/p').checksums).toBe(true);
    expect(parseBuildArgs(['--no-checksums'], {}, '/p').checksums).toBe(false);
  });

  it('reads --previous as a folder under the working folder, none by default', () => {
    expect(parseBuildArgs([], {}, '/p').previous).toBeNull();
    expect(parseBuildArgs(['--previous', 'site-1.0.0'], {}, '/p').previous).toBe('/p/site-1.0.0');
  });

  it('reads the site address and base path from --site/--base or SITE_URL/BASE_PATH', () => {
    expect(parseBuildArgs([], {}, '/p')).toMatchObject({ site: undefined, base: '/' });
    expect(
      parseBuildArgs(['--site', 'https://example.net', '--base', 'datasets/hemorrhage'], {}, '/p'),
    ).toMatchObject({ site: 'https://example.net', base: '/datasets/hemorrhage/' });
    expect(
      parseBuildArgs([], { SITE_URL: 'https://example.net:8443/', BASE_PATH: '/d/h/' }, '/p'),
    ).toMatchObject({ site: 'https://example.net:8443', base: '/d/h/' });
    // A path in the site URL is the base path.
    expect(parseBuildArgs(['--site', 'https://example.net/d/h'], {}, '/p')).toMatchObject({
      site: 'https://example.net',
      base: '/d/h/',
    });
    // The option wins over the environment.
    expect(parseBuildArgs(['--base', '/x/'], { BASE_PATH: '/y/' }, '/p').base).toBe('/x/');
  });

  it('rejects a site that is not an http(s) URL, and a base that is not a path', () => {
    expect(() => parseBuildArgs(['--site', 'example.net'], {}, '/p')).toThrow(/absolute URL/);
    expect(() => parseBuildArgs(['--site', 'ftp://example.net'], {}, '/p')).toThrow(/http/);
    expect(() => parseBuildArgs(['--site', 'https://x.net/?a=1'], {}, '/p')).toThrow(/query/);
    expect(() => parseBuildArgs(['--base', '/a b/'], {}, '/p')).toThrow(/--base/);
    expect(() => parseBuildArgs(['--base', '/../etc/'], {}, '/p')).toThrow(/--base/);
    expect(() => parseBuildArgs(['--site', 'https://x.net/a/', '--base', '/b/'], {}, '/p')).toThrow(
      /give the path once/,
    );
  });

  it('rejects unknown options and bad numbers with a usage error', () => {
    expect(() => parseBuildArgs(['--datset', 'x'], {}, '/p')).toThrow(UsageError);
    expect(() => parseBuildArgs(['--concurrency', '0'], {}, '/p')).toThrow(/positive integer/);
    expect(() => parseBuildArgs([], { SOURCE_DATE_EPOCH: 'yesterday' }, '/p')).toThrow(
      /SOURCE_DATE_EPOCH/,
    );
  });
});
