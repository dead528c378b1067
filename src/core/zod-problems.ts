import type { z } from 'zod';
import type { Problem } from './reply.js';

/**
 * Turns every zod issue into a Problem. Refinements carry a stable code in `params.code`;
 * built-in checks get `invalid-<option>` and the message written in the schema.
 */
export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const params = (issue as { params?: { code?: string } }).params;
    const field = issue.path.join('.');
    const code = params?.code ?? `invalid-${field || 'input'}`;
    return field ? { code, message: issue.message, field } : { code, message: issue.message };
  });
}
