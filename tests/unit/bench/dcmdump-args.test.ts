import { describe, expect, it } from 'vitest';
import { dcmdumpArgs } from '../../../scripts/bench/header-scan.ts';
import { ALLOWED_ATTRIBUTES } from '../../../src/pipeline/imaging/header/allow-list.ts';

describe('dcmdumpArgs', () => {
  it('asks dcmdump for exactly the allow-listed attributes, quietly, without pixel data', () => {
    const args = dcmdumpArgs(['/d/a.dcm', '/d/b.dcm']);
    expect(args.slice(0, 2)).toEqual(['-q', '-M']);
    const searched = args.flatMap((arg, i) => (args[i - 1] === '+P' ? [arg] : []));
    expect(searched).toHaveLength(ALLOWED_ATTRIBUTES.length);
    expect(searched).toContain('0008,0070'); // Manufacturer
    expect(searched).toContain('0018,0050'); // SliceThickness
    expect(searched.every((tag) => /^[0-9a-f]{4},[0-9a-f]{4}$/.test(tag))).toBe(true);
    expect(args.slice(-2)).toEqual(['/d/a.dcm', '/d/b.dcm']);
  });
});
