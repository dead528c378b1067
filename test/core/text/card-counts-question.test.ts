/**
 * "does my BLS count toward my CMA?": answered from the rule packs (RULES.md: a card issued in the
 * cycle is 4 clinical CMA points, at most 3; NCCT refuses CPR/BLS; AMT and NHA award nothing in
 * our sources, unverified), and never read as a log.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/core/index.js';
import { cardCountsAnswer } from '../../../src/core/text/card-counts-question.js';

const answer = (said: string) => {
  const reply = cardCountsAnswer(said);
  return reply && renderText(reply);
};

describe('a question whether a CPR/BLS card counts', () => {
  it.each(['do my BLS hours count for CMA', 'does BLS count toward my CMA?', 'how many points is a BLS card worth for AAMA?', 'Does my CPR card count towards my CMA?'])('%s: yes for a CMA, as the card, with the line to log it', (said) => {
    const text = answer(said)!;
    expect(text).toMatch(/^CMA \(AAMA\): yes\. .*4 clinical points, at most 3 cards \(12 points\)/);
    expect(text).toContain('unverified');
    expect(text).toContain('`log cpr on <issue date>`');
    expect(text).not.toMatch(/RMA|NCMA|NHA/);
  });

  it.each([
    ['can I use my CPR class for RMA', /^RMA \(AMT\): no\. .*\(unverified\)\./],
    ['is CPR accepted for NCMA?', /^NCMA \(NCCT\): no\. NCCT does not accept .*CE-0309\)\.$/m],
    ['do CPR cards count for my CCMA or CPT?', /^CCMA, CPT \(NHA\): no\. .*\(unverified\)\./],
  ])('%s: no, with the reason, and how to track the card itself instead', (said, expected) => {
    const text = answer(said)!;
    expect(text).toMatch(expected);
    expect(text).toContain('`credential add BLS certified <issue date>`');
    expect(text).not.toContain('log cpr');
  });

  it('answers each credential named', () => {
    expect(answer('does my bls count for cma and rma?')).toMatch(/^CMA \(AAMA\): yes\.[^\n]*\nRMA \(AMT\): no\./);
  });

  it('names every credential when none is named', () => {
    const text = answer('does my CPR card count?')!;
    for (const label of ['CMA (AAMA): yes', 'RMA, CMAS (AMT): no', 'NCMA (NCCT): no', 'CCMA, CMAA, CPT, CET (NHA): no']) expect(text).toContain(label);
  });

  it.each(['when does my BLS expire?', 'did my cpr expire', 'I renewed my BLS yesterday, does it count for CMA?', 'log cpr on 2026-11-01', 'does my webinar count for CMA?'])('leaves “%s” to the rest of the bot', (said) => {
    expect(cardCountsAnswer(said)).toBeUndefined();
  });
});
