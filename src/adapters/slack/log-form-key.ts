/**
 * The idempotency key of a log form a button in a message opened (log-modal.ts names the button in
 * `private_metadata`): one per button, member and activity, so two copies of the form (the button
 * pressed on two devices) log once (../logged-forms.ts). A date picker left empty logs today
 * (`todayOn`, the member's), so the same entry sent tomorrow is another day's.
 */
import { createHash } from 'node:crypto';

export function buttonFormKey(button: string, userId: string, options: Record<string, unknown>, todayOn: string): string {
  const dated = { date: todayOn, ...options };
  const activity = createHash('sha256').update(JSON.stringify(Object.entries(dated).sort(([a], [b]) => a.localeCompare(b)))).digest('hex').slice(0, 32);
  return `form:${button}:${userId}:${activity}`;
}
