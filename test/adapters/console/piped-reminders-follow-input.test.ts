/**
 * A piped console run (a script, a demo) prints its reminders after the last reply: they must be
 * planned from what the input left, not from the state the run started in.
 */
import { describe, expect, it } from 'vitest';
import { replies, runConsole, tempDbPath } from './run-console.js';

describe('reminders in a piped console session', () => {
  it('are planned after the input: credit logged in the run closes the gap a reminder would have named', async () => {
    const db = tempDbPath();
    // 2027-02-28 less 120 days: the first reminder goes out this morning (a Tuesday).
    const first = await runConsole(['credential add CMA expires 2027-02-28'], { CEU_DB: db, CEU_NOW: '2026-11-24T15:00:00Z' });
    expect(first.stdout).toContain('── reminder for alice ──\nCMA: submit by');
    // The 90-day stage falls due at the start of the next run; the run logs everything still needed.
    const closing = await runConsole([
      'log 10 points administrative aama',
      'log 10 points clinical aama',
      'log 40 points general aama',
      'status',
    ], { CEU_DB: db, CEU_NOW: '2026-12-01T15:00:00Z' });
    expect(closing.code).toBe(0);
    const answers = replies(closing.stdout);
    expect(answers[3]).toContain('CMA (AAMA): complete');
    expect(closing.stdout).not.toContain('Still needed');
    expect(closing.stdout).not.toContain('── reminder');
  });
});
