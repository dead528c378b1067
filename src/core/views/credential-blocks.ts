/** The blocks that show one credential's standing: heading, dates, bars per requirement, notes. */
import type { Block } from '../reply.js';
import { getRulePack } from '../rules/index.js';
import type { Evaluation } from '../rules/types.js';
import { STATE_LABELS, daysPhrase, gapSummary, monthlyPace, requirementLabel } from './describe.js';
import { isLapsed, lapseSentence } from './lapse.js';

export function credentialBlocks(evaluation: Evaluation): Block[] {
  const e = evaluation;
  const blocks: Block[] = [{ kind: 'heading', text: `${e.code} (${e.body}): ${STATE_LABELS[e.state]}`, status: headingStatus(e) }];
  const fields = [{ label: 'Cycle', value: `${e.cycle.start} to ${e.cycle.end}` }];
  const closed = e.state === 'exam-required' || e.state === 'expired';
  if (e.code === 'BLS') {
    fields.push({ label: 'Card valid through', value: `${e.cycle.end} (${daysPhrase(e.daysLeft)})` });
  } else if (!closed) {
    // Past it but not past the expiry (non-AAMA credit's processing time): late, not too late.
    const late = e.submitByDaysLeft < 0 ? '; submit as soon as you can' : '';
    fields.push({ label: 'Submit by', value: `${e.submitBy} (${daysPhrase(e.submitByDaysLeft)}${late})` });
    const pace = monthlyPace(e);
    if (pace) fields.push({ label: 'Pace needed', value: pace });
  }
  blocks.push({ kind: 'fields', fields });
  // An expired credential may not be used (RULES.md), even while CE still renews it: say so first.
  if (isLapsed(e)) blocks.push({ kind: 'paragraph', text: lapseSentence(e) });
  if (e.required > 0 && !closed) {
    blocks.push({ kind: 'progress', label: 'Total', earned: e.earned, required: e.required, unit: e.unit });
    for (const r of e.requirements) {
      blocks.push({
        kind: 'progress', label: requirementLabel(r.id), earned: r.earned, required: r.required, unit: e.unit,
        ...(r.unverified ? { note: unverifiedNote(e, r.id) } : {}),
      });
    }
    blocks.push({
      kind: 'paragraph',
      text: e.remaining > 0 ? `Still needed: ${gapSummary(e)}.` : 'Every requirement is met.',
    });
  }
  if (e.notes.length > 0) blocks.push({ kind: 'list', items: e.notes });
  return blocks;
}

/**
 * What is unverified about a requirement. An approved bar is flagged for what it counts, not for its
 * minimum (RULES.md verifies the CMA's 30): CPR card points as approved, a setting of the pack
 * (cma.cprCountsAsApproved), named as the notes below the bars name it. Elsewhere, the figure.
 */
function unverifiedNote(e: Evaluation, requirementId: string): string {
  const card = getRulePack(e.code).cprCard;
  const setting = requirementId.endsWith('-approved') && card?.accepted ? card.countsAsApproved.setting : undefined;
  return setting ? `${setting.label}: unverified` : 'unverified figure';
}

export function headingStatus(e: Evaluation): 'ok' | 'attention' | 'lapsed' {
  if (e.state === 'complete') return 'ok';
  return e.state === 'in-progress' ? 'attention' : 'lapsed';
}
