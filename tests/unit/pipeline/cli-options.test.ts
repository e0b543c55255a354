import { afterEach, describe, expect, it, vi } from 'vitest';
import { integerOption, parseOptions, runCommand, UsageError } from '../../../scripts/lib/cli.ts';

describe('the command-line helper', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads whole numbers one way for every command', () => {
    expect(integerOption('runs', undefined)).toBeUndefined();
    expect(integerOption('runs', '3')).toBe(3);
    expect(integerOption('seed', '0', 0)).toBe(0);
    for (const text of ['0', '-1', '2.5', '1e3', ' 4', 'x', '99999999999999999999']) {
      expect(() => integerOption('runs', text), text).toThrow(UsageError);
    }
    expect(() => integerOption('studies', '0')).toThrow('--studies must be a positive integer');
    expect(() => integerOption('seed', '-1', 0)).toThrow('--seed must be an integer >= 0');
  });

  it('turns parseArgs errors into usage errors', () => {
    const options = {
      out: { type: 'string' },
      quick: { type: 'boolean', default: false },
    } as const;
    expect(parseOptions(['--out', 'x'], options)).toEqual({ out: 'x', quick: false });
    expect(() => parseOptions(['--bogus'], options)).toThrow(UsageError);
    expect(() => parseOptions(['--out'], options)).toThrow(UsageError);
    expect(() => parseOptions(['stray'], options)).toThrow(UsageError);
  });

  it('prints the usage with exit code 2 for a usage error, 0 for --help, else runs main', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const command = (parse: () => { help: true } | { n: number }) =>
      runCommand({ name: 'demo', usage: 'Usage: demo', parse, main: async ({ n }) => n });

    const bad = await command(() => {
      throw new UsageError('--n must be a positive integer, got "x"');
    });
    expect(bad).toBe(2);
    expect(err).toHaveBeenCalledWith(
      'demo: --n must be a positive integer, got "x"\n\nUsage: demo\n',
    );
    expect(await command(() => ({ help: true }))).toBe(0);
    expect(out).toHaveBeenCalledWith('Usage: demo\n');
    expect(await command(() => ({ n: 7 }))).toBe(7);
    await expect(
      command(() => {
        throw new Error('not a usage error');
      }),
    ).rejects.toThrow('not a usage error');
  });
});
