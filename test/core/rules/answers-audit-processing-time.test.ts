/**
 * AAMA processes an application with only AAMA CEUs at once and one with other points in 2–3 weeks
 * (RULES.md, CMA "Processing"), so the submit-by date is 21 days before the deadline only when the
 * application needs non-AAMA points, and once that date has passed the note says so in the past.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/rules/index.js';
import { makeCe } from './make-activity.js';

const CMA = { code: 'CMA', expiresOn: '2027-02-28' } as const;
const approved = [
  makeCe('20', 'points', 'administrative', true, '2024-01-10'),
  makeCe('20', 'points', 'clinical', true, '2024-01-11'),
  makeCe('20', 'points', 'general', true, '2024-01-12'),
];
const processingNote = (notes: string[]) => notes.find((n) => n.includes('takes up to'));

describe('the processing time of non-AAMA credit', () => {
  it('keeps the expiry as the submit-by date when AAMA-approved credit alone meets every requirement', () => {
    const e = evaluate(CMA, [...approved, makeCe('3', 'hours', 'general', false, '2024-03-10')], '2027-02-15');
    expect(e).toMatchObject({ state: 'complete', earned: 63, remaining: 0, submitBy: '2027-02-28', submitByDaysLeft: 13 });
    expect(processingNote(e.notes)).toBeUndefined();
  });

  it('still moves it 21 days earlier when the application needs the non-AAMA points', () => {
    const e = evaluate(CMA, [...approved.slice(0, 2), makeCe('20', 'points', 'general', false, '2024-01-12')], '2027-01-15');
    expect(e).toMatchObject({ state: 'complete', submitBy: '2027-02-07' });
    expect(processingNote(e.notes)).toContain('submit by 2027-02-07, 21 days before 2027-02-28.');
  });

  it('words the submit-by date in the past once it has gone', () => {
    const e = evaluate(CMA, [...approved.slice(0, 2), makeCe('20', 'points', 'general', false, '2024-01-12')], '2027-02-10');
    const note = processingNote(e.notes);
    expect(note).not.toContain('submit by 2027-02-07');
    expect(note).toContain('the submit-by date, 21 days before 2027-02-28, was 2027-02-07, so submit as soon as you can.');
  });
});
