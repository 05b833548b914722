/**
 * The value checks' building blocks: minimega's ranges (`splitList` and its
 * cheaper forms `listError`, `listCount`), MAC addresses, filters and VM name
 * lists, with 2.3's exact error strings, on the short paths (small numbers,
 * one item) and the general ones alike.
 */
import { describe, expect, it } from 'vitest';
import { listCount, listError, splitList } from '../../language/ranges.js';
import { isMac, parseNetspec } from '../../language/netspec.js';
import { isFilter, parseFilter } from '../../language/filter.js';
import { checkVlan, checkVmNames } from '../../language/validation/checkers.js';

/** splitList's names, or its error prefixed with `error: `. */
const split = (s: string): string[] | string => {
  const r = splitList(s);
  return r.ok ? r.values : `error: ${r.error}`;
};

describe('ranges', () => {
  it('expands names and ranges, zero-padded when every end has the same width', () => {
    expect(split('')).toEqual([]);
    expect(split('a')).toEqual(['a']);
    expect(split('a,,b')).toEqual(['a', '', 'b']);
    expect(split('web[1-3],db')).toEqual(['web1', 'web2', 'web3', 'db']);
    expect(split('a[01-03]')).toEqual(['a01', 'a02', 'a03']);
    expect(split('a[8-10]')).toEqual(['a8', 'a9', 'a10']);
    expect(split('a[3,1,2-3]')).toEqual(['a1', 'a2', 'a3']);
    expect(split('a[5-1]')).toEqual([]);
    expect(split('[1-2]')).toEqual(['1', '2']);
  });

  it('reads signs and numbers beyond doubles as Go does', () => {
    expect(split('a[+1-2]')).toEqual(['a1', 'a2']);
    expect(split('a[-1]')).toEqual('error: strconv.Atoi: parsing "": invalid syntax');
    expect(split('a[9223372036854775806-9223372036854775807]')).toEqual(['a9223372036854775806', 'a9223372036854775807']);
    expect(split('a[9223372036854775808]')).toEqual('error: strconv.Atoi: parsing "9223372036854775808": value out of range');
    expect(split('a[1--3]')).toEqual('error: invalid subrange 1--3');
  });

  it("gives 2.3's errors, byte offsets included", () => {
    expect(split('a[1-3')).toEqual("error: unterminated '['");
    expect(split('a[[1]]')).toEqual("error: nested '[' at char 2");
    expect(split('é]')).toEqual("error: unmatched ']' at char 2");
    expect(split('a[1]b')).toEqual('error: invalid range specification');
    expect(split('a[]')).toEqual('error: strconv.Atoi: parsing "": invalid syntax');
    expect(split('x[1-1000001]')).toEqual('error: range too large: 1-1000001');
    expect(split('x[1-600000,500000-1000001]')).toEqual('error: range too large: 500000-1000001');
  });

  it('expands a million names without overflowing the stack', () => {
    const r = splitList('x[1-1000000]');
    expect(r.ok && r.values.length).toBe(1_000_000);
  });

  it('listError and listCount agree with splitList', () => {
    const cases = ['', 'a', 'a,b', 'a[1-3]', 'a[5-1]', 'a[1-3,2]', 'a[1-3', 'a[-1]', 'x[1-1000001]', 'a[5-1],b[2-1]', 'a,,b', 'a[9223372036854775807]'];
    for (const s of cases) {
      const r = splitList(s);
      expect(listError(s), s).toBe(r.ok ? undefined : r.error);
      const n = listCount(s);
      if (!r.ok) expect(n, s).toBe(r.error);
      else {
        expect(typeof n, s).toBe('number');
        expect(n === 0, s).toBe(r.values.length === 0);
        expect(n as number, s).toBeGreaterThanOrEqual(r.values.length);
      }
    }
  });
});

describe('MAC addresses and netspecs', () => {
  it('accepts the 6-, 8- and 20-byte forms with one separator kind', () => {
    for (const mac of [
      '00:11:22:33:44:55',
      'AA-bb-CC-dd-EE-ff',
      '0011.2233.4455',
      '00:11:22:33:44:55:66:77',
      '0011.2233.4455.6677',
      Array(20).fill('ab').join(':'),
      Array(10).fill('abcd').join('.'),
    ]) {
      expect(isMac(mac), mac).toBe(true);
    }
    for (const bad of ['00:11-22:33:44:55', '00:11:22:33:44:5g', '00:11:22:33:44', '0011.2233.445', Array(19).fill('ab').join(':'), '', 'lan']) {
      expect(isMac(bad), bad).toBe(false);
    }
  });

  it('tells MACs, drivers and bridges apart', () => {
    expect(parseNetspec('lan,00:11:22:33:44:55')).toEqual({
      ok: true,
      spec: { bridge: 'mega_bridge', vlan: 'lan', mac: '00:11:22:33:44:55', driver: 'e1000' },
    });
    expect(parseNetspec('br,lan,bogus')).toEqual({ ok: false, error: 'malformed netspec, invalid driver: bogus' });
    expect(parseNetspec('a,b,c,d,e')).toEqual({ ok: false, error: 'malformed netspec' });
  });
});

describe('filters', () => {
  it('isFilter accepts what parseFilter parses', () => {
    for (const f of ['a=b', 'a!=b', 'a~b', 'a!~b', 'a==b', 'ab', '', 'a=b=c', '~~', 'a!~b~c', '=', 'a!=b=c']) {
      expect(isFilter(f), f).toBe(parseFilter(f) !== undefined);
    }
  });
});

describe('VM names and VLANs', () => {
  it('checks launch names on the one-item paths as on the general one', () => {
    expect(checkVmNames('web[1-3]')).toBeUndefined();
    expect(checkVmNames('web[3-1]')).toBe('no VMs to launch');
    expect(checkVmNames('web[1-3')).toBe("unterminated '['");
    expect(checkVmNames('')).toBe('no VMs to launch');
    expect(checkVmNames('all')).toBe('invalid vm name, `all` is a reserved word');
    expect(checkVmNames('0')).toBe('invalid number of vms (must be > 0)');
    expect(checkVmNames('3')).toBeUndefined();
    expect(checkVmNames('2147483648')).toBe('invalid vm name, `2147483648` is an integer');
    expect(checkVmNames('[1-2]')).toBe('invalid vm name, `1` is an integer');
    expect(checkVmNames('1a[1-2]')).toBeUndefined();
    expect(checkVmNames('a[1-2],a2')).toBe('`a2` is specified twice in VMs to launch');
    expect(checkVmNames('a[1,1]')).toBeUndefined();
    expect(checkVmNames('a,,b,')).toBeUndefined();
  });

  it('checks VLAN numbers, short or long', () => {
    expect(checkVlan('4095')).toBeUndefined();
    expect(checkVlan('4096')).toBe('invalid VLAN (0 <= vlan < 4096)');
    expect(checkVlan('-0')).toBeUndefined();
    expect(checkVlan('-1')).toBe('invalid VLAN (0 <= vlan < 4096)');
    expect(checkVlan('99999999999999999999')).toBeUndefined();
    expect(checkVlan('9223372036854775807')).toBe('invalid VLAN (0 <= vlan < 4096)');
    expect(checkVlan('lan')).toBeUndefined();
  });
});
