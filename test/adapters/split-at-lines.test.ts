/** Long replies become several Slack sections or Discord messages, split between lines. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAtLines } from '../../src/adapters/format.js';

const line = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/\n/g, ' '));

describe('splitAtLines', () => {
  it('keeps every line whole and in order, each part within the limit', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.integer({ min: 30, max: 200 }), (lines, max) => {
        const text = lines.join('\n');
        const parts = splitAtLines(text, max);
        for (const part of parts) expect(part.length).toBeLessThanOrEqual(max);
        expect(parts.join('\n')).toBe(text);
        if (text.length <= max) expect(parts).toEqual(text ? [text] : []);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps blank lines inside a text that fits, and drops leading ones', () => {
    expect(splitAtLines('a\n\nb\n', 20)).toEqual(['a\n\nb\n']);
    expect(splitAtLines('\n\nb', 20)).toEqual(['b']);
    expect(splitAtLines('', 20)).toEqual([]);
  });

  it('cuts a line longer than the limit', () => {
    expect(splitAtLines(`short\n${'x'.repeat(50)}`, 20).every((part) => part.length <= 20)).toBe(true);
  });
});
