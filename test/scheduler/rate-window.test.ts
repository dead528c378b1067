import { describe, expect, it } from 'vitest';
import { createPacer } from '../../src/scheduler/pacer.js';
import { createRateWindow } from '../../src/scheduler/rate-window.js';

describe('the rate window', () => {
  it('lets `count` sends start at once and the next only when the oldest completion leaves the window', () => {
    const window = createRateWindow({ count: 2, perMs: 1000 });
    expect(window.waitMs(0)).toBe(0);
    window.begin()(5);
    window.begin()(20);
    const wait = window.waitMs(30);
    // The first completion (at 5 ms) leaves the window after 1000 ms and a small safety margin.
    expect(wait).toBeGreaterThanOrEqual(975);
    expect(wait).toBeLessThanOrEqual(1000);
    expect(window.waitMs(30 + wait)).toBe(0);
  });

  it('counts a send in flight until it completes, however long it takes', () => {
    const window = createRateWindow({ count: 1, perMs: 100 });
    const end = window.begin();
    expect(window.waitMs(10_000)).toBe(Infinity);
    end(10_000);
    expect(window.waitMs(10_050)).toBeGreaterThan(0);
    expect(window.waitMs(10_200)).toBe(0);
  });

  it('keeps a pause the platform asked for, on top of the window', () => {
    const window = createRateWindow({ count: 10, perMs: 1000 });
    window.pauseUntil(2500);
    expect(window.waitMs(1000)).toBe(1500);
    expect(window.waitMs(2500)).toBe(0);
  });
});

describe('the pacer', () => {
  it('holds a target to its own limit while other targets go on, all within the global one', () => {
    let nowMs = 0;
    const pacer = createPacer({ global: { count: 3, perMs: 1000 }, perTarget: { count: 1, perMs: 1000 } }, () => nowMs);
    pacer.begin('a')();
    expect(pacer.waitMs('a')).toBeGreaterThan(0);
    expect(pacer.waitMs('b')).toBe(0);
    pacer.begin('b')();
    pacer.begin('c')();
    expect(pacer.waitMs('d')).toBeGreaterThan(0);
    nowMs = 1011;
    expect(pacer.waitMs('d')).toBe(0);
  });

  it('pauses one target or everything for a Retry-After', () => {
    let nowMs = 0;
    const pacer = createPacer({ global: { count: 100, perMs: 1000 }, perTarget: { count: 100, perMs: 1000 } }, () => nowMs);
    pacer.pause('target', 'a', 500);
    expect(pacer.waitMs('a')).toBe(500);
    expect(pacer.waitMs('b')).toBe(0);
    pacer.pause('global', 'a', 700);
    expect(pacer.waitMs('b')).toBe(700);
    nowMs = 700;
    expect(pacer.waitMs('b')).toBe(0);
  });
});
