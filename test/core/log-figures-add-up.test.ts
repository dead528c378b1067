/**
 * The figures a member reads must add up: after `log`, the previous total plus what the activity
 * added is the new total, and the figures `history` gives each activity add up to the total `status`
 * shows. Minutes convert to thirds of a point and NHA hours to halves of a hundredth, so each figure
 * cannot be the exact credit rounded on its own (three 25-minute courses: 0.4166… each, 1.25 in all).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot('2026-11-25T12:00:00Z');
});
afterEach(() => t.close());

const hundredths = (figure: string): number => Math.round(Number(figure) * 100);

/** Per credential in a `log` reply: what the activity added, what it displaced, and the new total. */
function logFigures(text: string): Map<string, { added: number; displaced: number; total: number }> {
  const figures = new Map<string, { added: number; displaced: number; total: number }>();
  const line = /^\s*- (\w+): \+([\d.]+) [^;\n]*?(?:, in place of ([\d.]+) \w+ other activities counted \(a limit is reached\))?; now ([\d.]+) of /gm;
  for (const [, code, added, displaced, total] of text.matchAll(line)) {
    figures.set(code!, { added: hundredths(added!), displaced: displaced ? hundredths(displaced) : 0, total: hundredths(total!) });
  }
  return figures;
}

/** Per credential, the sum of the figures `history` gives its activities. */
function historySums(text: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [, code, figure] of text.matchAll(/^\s+(\w+): \+([\d.]+) /gm)) sums.set(code!, (sums.get(code!) ?? 0) + hundredths(figure!));
  return sums;
}

/** Per credential, the total `status` shows on its Total bar. */
function statusTotals(text: string): Map<string, number> {
  const totals = new Map<string, number>();
  let code = '';
  for (const line of text.split('\n')) {
    const heading = /^(\w+) \(\w+\):/.exec(line);
    if (heading) code = heading[1]!;
    const bar = /^\s*Total\s+\[[#-]+\] ([\d.]+)\//.exec(line);
    if (bar) totals.set(code, hundredths(bar[1]!));
  }
  return totals;
}

/** Logs each line and checks every reply against the one before; returns each reply's figures. */
async function logAll(lines: string[]): Promise<Map<string, { added: number; displaced: number; total: number }>[]> {
  const totals = new Map<string, number>();
  const replies = [];
  for (const line of lines) {
    const text = await t.text(line);
    expect(text, line).not.toContain('not counted: Counts');
    const figures = logFigures(text);
    for (const [code, { added, displaced, total }] of figures) {
      expect(((totals.get(code) ?? 0) + added - displaced) / 100, `${code} after \`${line}\`:\n${text}`).toBe(total / 100);
      totals.set(code, total);
    }
    replies.push(figures);
  }
  return replies;
}

const FRACTIONAL_LOGS = [
  'log 25min clinical "Sepsis" aama',
  'log 25min administrative "Coding" aama',
  'log 25min general "Ethics" aama',
  'log 0.75h clinical "Wound care" aama',
  'log 20min general "Privacy" aama',
  'log 1min clinical "Hand washing" aama',
  'log 70min general "Law"',
  'log 0.05h administrative "Phones" aama',
];

describe('figures after log', () => {
  it('add the activity to the previous total to give the new one, for every credential', async () => {
    for (const code of ['CMA', 'RMA', 'NCMA', 'CCMA']) await t.say(`credential add ${code} expires 2027-03-31`);
    const replies = await logAll(FRACTIONAL_LOGS);
    expect(replies.every((figures) => figures.size >= 3)).toBe(true);
  });

  it('say an activity worth less than a hundredth counted, adding nothing yet to the total as shown', async () => {
    await t.say('credential add CCMA expires 2027-03-31');
    // 1 minute is 1/120 credit: 13.25 + 0.0083… still shows 13.25.
    const [, last] = await logAll(['log 13.25 nha-credits "Modules"', 'log 1min "Hand washing"']);
    expect(last!.get('CCMA')).toEqual({ added: 0, displaced: 0, total: 1325 });
  });

  it('take the place of what other activities counted under a full cap and still add up', async () => {
    await t.say('credential add CMA expires 2027-03-31');
    const replies = await logAll(['log 1790min clinical "Long course" on 2026-10-01', 'log 25min clinical "Sepsis" aama', 'log 70min general "Law"', 'log 50min general "Ethics"', 'log 25min admin "Coding" aama']);
    // Every reply was read, and at least one took the place of credit counted before.
    expect(replies.every((figures) => figures.has('CMA'))).toBe(true);
    expect(replies.some((figures) => figures.get('CMA')!.displaced > 0)).toBe(true);
  });

  it('give a partly counted activity the same figure in its reason as beside it', async () => {
    await t.say('credential add CMA expires 2027-03-31');
    await t.say('log 55 min general on 2026-01-01'); // 0.9166… points, shown 0.91
    // Under the 30 non-AAMA points: 29.0833… of its 29.83 count, shown 29.09 (to the total's 30).
    const text = await t.text('log 1790 min clinical on 2026-01-02');
    expect(text).toContain('CMA: +29.09 points clinical (partly: ');
    expect(text).toContain('29.09 points of its 29.83 points count');
    expect(await t.text('history')).toContain('29.09 points of its 29.83 points count');
  });

  it('say for an activity what history says for it, and history adds up to the total status shows', async () => {
    for (const code of ['CMA', 'RMA', 'NCMA', 'CCMA']) await t.say(`credential add ${code} expires 2027-03-31`);
    const replies = await logAll(FRACTIONAL_LOGS);
    const history = await t.text('history');
    replies.forEach((figures, index) => {
      const id = index + 1;
      const entry = new RegExp(`#${id} [^\\n]*\\n((?:\\s{4}.*\\n?)*)`).exec(history)?.[1] ?? '';
      for (const [code, { added }] of figures) expect(entry, `#${id} ${code}`).toContain(`${code}: +${added / 100} `);
    });
    const totals = statusTotals(await t.text('status'));
    expect(totals.size).toBe(4);
    for (const [code, sum] of historySums(history)) expect(sum / 100, code).toBe(totals.get(code)! / 100);
  });
});

describe('what is still needed', () => {
  it('is the total of the parts it is listed in, after log, in status and in the JSON', async () => {
    await t.say('credential add CMA expires 2027-03-31');
    await t.say('log 45 points admin aama');
    await t.say('log 25min clinical aama');
    // 9.5833… clinical and 9.5833… general points are still needed: 9.59 each, as each rounds up.
    expect(await t.text('log 25min general aama')).toContain('now 45.83 of 60 points, 19.18 still needed');
    expect(await t.text('status')).toContain('Still needed: 9.59 clinical and 9.59 general points.');
    const [cma] = JSON.parse(await t.text('status --json')).credentials;
    const gap = (id: string) => hundredths(String(cma.requirements.find((r: { id: string }) => r.id === id).remaining));
    // DESIGN.md: the max of the total gap, the sum of category gaps and the approved gap.
    const most = Math.max(hundredths(String(cma.required)) - hundredths(String(cma.earned)), gap('administrative') + gap('clinical') + gap('general'), gap('aama-approved'));
    expect(cma.remaining).toBe(most / 100);
  });
});
