/**
 * Exact arithmetic for credit amounts. Certificates print decimals ("0.1", "1.25") and the
 * rules divide by 60 (minutes) or 2 (NHA credits): floats would drift (0.1 + 0.2 ≠ 0.3), and a
 * member one hundredth short of a requirement must not be told they are done.
 * Numerator and denominator are bigints, always reduced, denominator positive.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
};

export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  let num = typeof n === 'bigint' ? n : BigInt(n);
  let den = typeof d === 'bigint' ? d : BigInt(d);
  // Most amounts are whole numbers: nothing to reduce (the evaluation's hot path).
  if (den === 1n) return { n: num, d: 1n };
  if (den === 0n) throw new RangeError('denominator is zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den) || 1n;
  return g === 1n ? { n: num, d: den } : { n: num / g, d: den / g };
}

export const ZERO = rational(0);

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-])?\.(\d+)(?:[eE]([+-]?\d+))?$/;

/** Parses "2", "0.5", "1.25", ".5" and exponent forms ("1e-7", as `String(number)` may print). */
// Amounts and pack figures repeat endlessly ("1", "2", "0.5", 60): parse each once.
const PARSED = new Map<string, Rational>();
const PARSED_LIMIT = 10_000;

export function parseDecimal(text: string): Rational {
  const cached = PARSED.get(text);
  if (cached) return cached;
  const parsed = parseDecimalUncached(text);
  if (PARSED.size < PARSED_LIMIT) PARSED.set(text, parsed);
  return parsed;
}

function parseDecimalUncached(text: string): Rational {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal number: "${text}"`);
  const sign = (m[1] ?? m[5]) === '-' ? -1n : 1n;
  const whole = m[2] ?? '0';
  const fraction = m[3] ?? m[6] ?? '';
  const exponent = Number(m[4] ?? m[7] ?? '0');
  const digits = BigInt(whole + fraction) * sign;
  const scale = exponent - fraction.length;
  return scale >= 0 ? rational(digits * 10n ** BigInt(scale)) : rational(digits, 10n ** BigInt(-scale));
}

/** Exact value of a setting or pack number as JavaScript prints it (0.5 → 1/2, not the binary double). */
export function fromNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return parseDecimal(String(value));
}

// Same denominators (whole numbers above all) need no cross-multiplying.
export const add = (a: Rational, b: Rational): Rational => (a.d === b.d ? rational(a.n + b.n, a.d) : rational(a.n * b.d + b.n * a.d, a.d * b.d));
export const sub = (a: Rational, b: Rational): Rational => (a.d === b.d ? rational(a.n - b.n, a.d) : rational(a.n * b.d - b.n * a.d, a.d * b.d));
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export const compare = (a: Rational, b: Rational): -1 | 0 | 1 => {
  if (a.d === b.d) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};

export const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (compare(a, b) >= 0 ? a : b);
export const isZero = (a: Rational): boolean => a.n === 0n;
export const sum = (values: readonly Rational[]): Rational => values.reduce(add, ZERO);
/** a − b, but never below zero: a gap still to close. */
export const gap = (required: Rational, earned: Rational): Rational => max(ZERO, sub(required, earned));

/**
 * Rounded down / up to 2 decimals: what was earned is never shown as more than it is, and what
 * is still needed never as less (9.995 of 10 credits shows 9.99 earned and 0.01 to go, not 10 and 0.01).
 */
export function toNumberDown(a: Rational): number {
  return Number(hundredthsDown(a)) / 100;
}

/** Whole hundredths in `a`, rounded down: what `toNumberDown` shows, for adding figures up exactly. */
export function hundredthsDown(a: Rational): bigint {
  return floorDiv(a.n * 100n, a.d);
}

export function toNumberUp(a: Rational): number {
  return Number(hundredthsUp(a)) / 100;
}

/** Whole hundredths in `a`, rounded up: what `toNumberUp` shows, for adding figures up exactly. */
export function hundredthsUp(a: Rational): bigint {
  return -floorDiv(-a.n * 100n, a.d);
}

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n !== d < 0n ? q - 1n : q;
}

/** Rounded half away from zero to 2 decimals, for display and JSON only; never compute with it. */
export function toNumber(a: Rational): number {
  const negative = a.n < 0n;
  const magnitude = negative ? -a.n : a.n;
  const hundredths = (magnitude * 200n + a.d) / (2n * a.d);
  const value = Number(hundredths) / 100;
  return negative && value !== 0 ? -value : value;
}
