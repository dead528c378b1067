/** An activity dated after the day evaluated counts from its own day on, and its reason says so. */
import { expect, it } from 'vitest';
import { evaluate } from '../../../src/core/rules/index.js';
import { makeActivity } from './make-activity.js';

it('says a future-dated activity counts from its date, which is the day it starts to count', () => {
  const course = makeActivity({ amount: '3', completedOn: '2026-12-01' });
  const rma = { code: 'RMA', expiresOn: '2027-04-30' } as const;
  const before = evaluate(rma, [course], '2026-11-30').activities[0];
  expect(before).toMatchObject({ code: 'future', counted: 0 });
  expect(before?.reason).toBe('Dated 2026-12-01, after 2026-11-30: it counts from that day on.');
  expect(evaluate(rma, [course], '2026-12-01').activities[0]).toMatchObject({ code: 'counted', counted: 3 });
});
