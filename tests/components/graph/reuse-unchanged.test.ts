import { describe, expect, it } from 'vitest';
import { reuseUnchanged, sameValue } from '../../../src/components/graph/reuse-unchanged';

describe('sameValue', () => {
  it.each([
    [1, 1, true],
    [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, true],
    [{ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }, false],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], { 0: 1, 1: 2 }, false],
    [null, {}, false],
  ])('%j vs %j -> %s', (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
  });
});

describe('reuseUnchanged', () => {
  it('keeps the previous object for equal elements and the new one for changed ones', () => {
    const oldA = { id: 'a', data: { installed: true }, position: { x: 0, y: 0 } };
    const oldB = { id: 'b', data: { installed: false }, position: { x: 0, y: 60 } };
    const previous = new Map([
      ['a', oldA],
      ['b', oldB],
    ]);
    const nextA = { id: 'a', data: { installed: true }, position: { x: 0, y: 0 } };
    const nextB = { id: 'b', data: { installed: true }, position: { x: 0, y: 60 } };
    const nextC = { id: 'c', data: { installed: true }, position: { x: 0, y: 120 } };
    const out = reuseUnchanged(previous, [nextA, nextB, nextC]);
    expect(out[0]).toBe(oldA);
    expect(out[1]).toBe(nextB);
    expect(out[2]).toBe(nextC);
  });
});
