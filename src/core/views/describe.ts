/** Short human phrases shared by replies: amounts, states, requirement names, activities. */
import type { StoredActivity } from '../ports.js';
import type { CredentialState, Evaluation } from '../rules/types.js';

const UNIT_NAMES: Record<string, [string, string]> = {
  hours: ['hour', 'hours'], minutes: ['minute', 'minutes'], ceu: ['CEU', 'CEUs'], iacet: ['IACET CEU', 'IACET CEUs'],
  'college-credits': ['college credit', 'college credits'], 'nha-credits': ['NHA credit', 'NHA credits'],
  points: ['point', 'points'], credits: ['credit', 'credits'], card: ['card', 'cards'],
};

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

export function unitName(value: number, unit: string): string {
  const [one, many] = UNIT_NAMES[unit] ?? [unit, unit];
  return value === 1 ? one : many;
}

export function quantity(amount: number | string, unit: string): string {
  const value = typeof amount === 'string' ? Number(amount) : amount;
  return `${typeof amount === 'string' ? amount : formatNumber(value)} ${unitName(value, unit)}`;
}

export const STATE_LABELS: Record<CredentialState, string> = {
  complete: 'complete',
  'in-progress': 'in progress',
  grace: 'expired, CE route still open (grace)',
  'exam-required': 'expired, exam required',
  expired: 'expired',
};

export function requirementLabel(id: string): string {
  return id === 'aama-approved' ? 'AAMA-approved' : id;
}

export function describeActivity(activity: StoredActivity): string {
  if (activity.unit === 'card') return `#${activity.id} ${activity.completedOn} CPR/BLS card`;
  const parts = [`#${activity.id}`, activity.completedOn, quantity(activity.amount, activity.unit)];
  if (activity.category) parts.push(activity.category);
  if (activity.title) parts.push(`“${activity.title}”`);
  if (activity.provider) parts.push(`from ${activity.provider}`);
  if (activity.aamaApproved) parts.push('(AAMA-approved)');
  if (activity.certificate) parts.push(`[certificate: ${activity.certificate.name}]`);
  return parts.join(' ');
}

export function daysPhrase(days: number): string {
  if (days === 0) return 'today';
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} ago`;
  return `${days} day${days === 1 ? '' : 's'} left`;
}

/** What is still missing for one credential, as a list of short phrases. */
export function gapPhrases(evaluation: Evaluation): string[] {
  const unit = evaluation.unit;
  const phrases = evaluation.requirements
    .filter((r) => r.remaining > 0)
    .map((r) => `at least ${formatNumber(r.remaining)} ${requirementLabel(r.id)} ${unitName(r.remaining, unit)}`);
  const categoryGap = evaluation.requirements
    .filter((r) => r.id !== 'aama-approved')
    .reduce((sum, r) => sum + r.remaining, 0);
  if (phrases.length === 0 || evaluation.remaining > categoryGap) {
    phrases.push(`${quantity(evaluation.remaining, unit)} in all`);
  }
  const approvedGap = evaluation.requirements.find((r) => r.id === 'aama-approved')?.remaining ?? 0;
  if (approvedGap > 0 && categoryGap > 0) phrases.push('AAMA-approved points in a short category count toward both');
  return phrases;
}
