/** The stable `status --json` / `need --json` document (DESIGN.md). Keys are a contract: no extras. */
import type { Evaluation } from '../rules/types.js';

export interface StatusDocument {
  member: string;
  asOf: string;
  credentials: Array<{
    code: string;
    body: string;
    unit: string;
    cycle: { start: string; end: string };
    state: string;
    required: number;
    earned: number;
    remaining: number;
    requirements: Array<{ id: string; required: number; earned: number; remaining: number }>;
    submitBy: string;
    daysLeft: number;
  }>;
}

export function statusDocument(member: string, asOf: string, evaluations: Evaluation[]): StatusDocument {
  return {
    member,
    asOf,
    credentials: evaluations.map((e) => ({
      code: e.code,
      body: e.body,
      unit: e.unit,
      cycle: { start: e.cycle.start, end: e.cycle.end },
      state: e.state,
      required: e.required,
      earned: e.earned,
      remaining: e.remaining,
      requirements: e.requirements.map((r) => ({ id: r.id, required: r.required, earned: r.earned, remaining: r.remaining })),
      submitBy: e.submitBy,
      daysLeft: e.daysLeft,
    })),
  };
}
