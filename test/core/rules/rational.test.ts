import { describe, expect, it } from 'vitest';
import { add, compare, div, fromNumber, max, min, mul, parseDecimal, rational, sub, sum, toNumber, ZERO } from '../../../src/core/rules/rational.js';

describe('rational', () => {
  it('parses printed decimals exactly', () => {
    expect(parseDecimal('0.5')).toEqual(rational(1, 2));
    expect(parseDecimal('2')).toEqual(rational(2));
    expect(parseDecimal('1.25')).toEqual(rational(5, 4));
    expect(parseDecimal('.5')).toEqual(rational(1, 2));
    expect(parseDecimal('1e-7')).toEqual(rational(1, 10_000_000));
  });

  it('refuses text that is not a decimal number', () => {
    expect(() => parseDecimal('1/2')).toThrow(RangeError);
    expect(() => parseDecimal('abc')).toThrow(RangeError);
    expect(() => parseDecimal('')).toThrow(RangeError);
  });

  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(compare(add(parseDecimal('0.1'), parseDecimal('0.2')), parseDecimal('0.3'))).toBe(0);
  });

  it('sums ten 0.1 entries to exactly 1', () => {
    expect(sum(Array.from({ length: 10 }, () => parseDecimal('0.1')))).toEqual(rational(1));
  });

  it('keeps fractions reduced with a positive denominator', () => {
    expect(rational(6, -4)).toEqual({ n: -3n, d: 2n });
    expect(div(rational(1), rational(3))).toEqual({ n: 1n, d: 3n });
    expect(mul(rational(2, 3), rational(3, 4))).toEqual(rational(1, 2));
    expect(sub(rational(1), rational(1, 3))).toEqual(rational(2, 3));
  });

  it('compares and picks the smaller or larger value', () => {
    expect(compare(rational(1, 3), rational(1, 2))).toBe(-1);
    expect(min(rational(1, 3), rational(1, 2))).toEqual(rational(1, 3));
    expect(max(rational(1, 3), rational(1, 2))).toEqual(rational(1, 2));
    expect(compare(ZERO, rational(0, 5))).toBe(0);
  });

  it('rounds to 2 decimals half away from zero only when converting to a number', () => {
    expect(toNumber(rational(1, 3))).toBe(0.33);
    expect(toNumber(rational(2, 3))).toBe(0.67);
    expect(toNumber(parseDecimal('0.125'))).toBe(0.13);
    expect(toNumber(parseDecimal('-0.125'))).toBe(-0.13);
    expect(toNumber(rational(90, 60))).toBe(1.5);
  });

  it('reads a JavaScript number as the decimal it prints, not its binary value', () => {
    expect(fromNumber(0.1)).toEqual(rational(1, 10));
    expect(() => fromNumber(Number.NaN)).toThrow(RangeError);
  });

  it('refuses a zero denominator', () => {
    expect(() => rational(1, 0)).toThrow(RangeError);
    expect(() => div(rational(1), ZERO)).toThrow(RangeError);
  });
});
