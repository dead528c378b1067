import { describe, expect, it } from 'vitest';
import { TwoKeyMemo } from '../../../src/core/rules/two-key-memo.js';

describe('TwoKeyMemo', () => {
  it('remembers under both keys and starts over once it holds its maximum', () => {
    const memo = new TwoKeyMemo<string, number, string>(3);
    expect(memo.get('a', 1)).toBeUndefined();
    expect(memo.set('a', 1, 'a1')).toBe('a1');
    memo.set('a', 2, 'a2');
    memo.set('b', 1, 'b1');
    expect([memo.get('a', 1), memo.get('a', 2), memo.get('b', 1), memo.get('b', 2)]).toEqual(['a1', 'a2', 'b1', undefined]);
    memo.set('c', 1, 'c1'); // the fourth answer: the first three are forgotten
    expect([memo.get('a', 1), memo.get('b', 1), memo.get('c', 1)]).toEqual([undefined, undefined, 'c1']);
  });
});
