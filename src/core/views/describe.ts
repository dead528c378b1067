/** Short human phrases shared by replies: amounts, states, requirement names, activities. */
import type { StoredActivity } from '../ports.js';
import { getRulePack } from '../rules/index.js';
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

/** Fewer days than this before the submit-by date, the date says more than a pace (README "Reminders"). */
export const PACE_MIN_DAYS_LEFT = 45;

/**
 * "about 9.75 points a month", or nothing where a monthly pace misleads: in a grace period (the
 * credential may not be used meanwhile, and over NCCT's five-year lapse a pace would read as all the
 * time in the world) and in the last 45 days (one day out, 55 points make "1674 points a month").
 */
export function monthlyPace(e: Evaluation): string | undefined {
  if (e.state !== 'in-progress' || e.pacePerMonth <= 0 || e.submitByDaysLeft < PACE_MIN_DAYS_LEFT) return undefined;
  return `about ${formatNumber(e.pacePerMonth)} ${unitName(e.pacePerMonth, e.unit)} a month`;
}

export function daysPhrase(days: number): string {
  if (days === 0) return 'today';
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} ago`;
  return `${days} day${days === 1 ? '' : 's'} left`;
}

/**
 * The smallest set of credit that closes every requirement, in one phrase: "10 general and 4 more
 * AAMA-approved points". `remaining` is at least the category gaps and the approved gap, so what it
 * holds beyond the category gaps may be of any category; approval goes on those extra points first
 * (approved points in a category count toward both), and on category points only past them.
 */
export function gapSummary(evaluation: Evaluation): string {
  return `${creditGap(evaluation)}${inHoursOfCe(evaluation)}`;
}

function creditGap(evaluation: Evaluation): string {
  const { unit } = evaluation;
  const approvedGap = evaluation.requirements.find((r) => r.id.endsWith('-approved'));
  const approvedLabel = approvedGap ? requirementLabel(approvedGap.id) : '';
  const categories = evaluation.requirements.filter((r) => r !== approvedGap && r.remaining > 0);
  const inCategories = round2(categories.reduce((sum, r) => sum + r.remaining, 0));
  const extra = round2(Math.max(0, evaluation.remaining - inCategories));
  const approved = approvedGap?.remaining ?? 0;
  const approvedExtra = Math.min(approved, extra);
  const approvedInCategories = round2(approved - approvedExtra);
  const named = categories.map((r) => `${formatNumber(r.remaining)} ${requirementLabel(r.id)}`);
  const points = (amount: number) => unitName(amount, unit);

  if (approvedInCategories > 0 && approvedInCategories === inCategories) {
    // Every point still needed must be approved: say so once.
    const total = round2(inCategories + extra);
    const anyCategory = extra > 0 ? [`${formatNumber(extra)} of any category`] : [];
    return `${formatNumber(total)} ${approvedLabel} ${points(total)}: ${joinWithAnd([...named, ...anyCategory])}`;
  }
  if (approvedInCategories > 0) {
    const more = extra > 0 ? ` and ${formatNumber(extra)} more ${approvedLabel} ${points(extra)}` : '';
    return `${joinWithAnd(named)} ${points(inCategories)}, at least ${formatNumber(approvedInCategories)} of them ${approvedLabel},${more}`.replace(/,$/, '');
  }
  if (extra > 0) {
    const kind = approvedExtra === extra ? `${approvedLabel} ` : '';
    const some = approvedExtra > 0 && approvedExtra < extra ? ` (${formatNumber(approvedExtra)} of them ${approvedLabel})` : '';
    return joinWithAnd([...named, `${formatNumber(extra)} more ${kind}${points(extra)}${some}`]);
  }
  return named.length > 0 ? `${joinWithAnd(named)} ${points(categories[categories.length - 1]!.remaining)}` : `0 ${points(0)}`;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * " (2 hours of CE)" where a body counts its own credits at a fixed rate other than one an hour: NHA's
 * 2 hours = 1 credit (RULES.md worked example 2), so a member who logs hours knows what to take.
 * A rate a workspace may set (an unverified one) is left out rather than quoted from the pack.
 */
function inHoursOfCe(evaluation: Evaluation): string {
  if (evaluation.unit === 'hours' || evaluation.unit === 'card' || evaluation.remaining <= 0) return '';
  const hours = getRulePack(evaluation.code).conversions.find((c) => c.unit === 'hours');
  if (!hours || hours.factor.setting || hours.factor.value === hours.divisor) return '';
  const amount = round2((evaluation.remaining * hours.divisor) / hours.factor.value);
  return ` (${quantity(amount, 'hours')} of CE)`;
}

function joinWithAnd(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
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
