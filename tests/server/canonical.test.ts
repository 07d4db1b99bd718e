// The canonical JSON of a request: stored request hashes depend on its exact bytes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../server/canonical';

/** The same value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('canonicalJson', () => {
  it('writes keys in code-unit order, drops undefined members and writes undefined items as null', () => {
    expect(canonicalJson({ b: 1, a: [undefined, { '10': 1, '9': 2, B: 3 }], c: undefined })).toBe(
      '{"a":[null,{"10":1,"9":2,"B":3}],"b":1}',
    );
    expect(canonicalJson({ é: 'x', z: '"q"', Z: null })).toBe('{"Z":null,"z":"\\"q\\"","é":"x"}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('is the same text whatever the key order, and parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(canonicalJson(reversedKeys(v))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 500 },
    );
  });
});
