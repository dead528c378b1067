/**
 * A platform-neutral reply. Adapters render it with an exhaustive switch over `Block['kind']`;
 * `renderText` (render-text.ts) is the plain rendering for the console and notification fallbacks.
 */
export type Visibility = 'private' | 'public';
export type Tone = 'info' | 'success' | 'warning' | 'error';

export interface Button {
  /** Stable action id the adapter sends back, e.g. 'undo' or 'log-another'. */
  actionId: string;
  label: string;
  /** The command text the button runs, e.g. "undo". */
  command: string;
  style?: 'primary' | 'danger';
}

export type Block =
  /** `status` lets a platform colour a credential's section: ok, needs attention, or lapsed. */
  | { kind: 'heading'; text: string; status?: 'ok' | 'attention' | 'lapsed' }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; fields: { label: string; value: string }[] }
  | { kind: 'progress'; label: string; earned: number; required: number; unit: string; note?: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'actions'; buttons: Button[] }
  | { kind: 'json'; value: unknown };

export interface Problem {
  /** Stable identifier tests and adapters can rely on, e.g. 'unknown-unit'. */
  code: string;
  message: string;
  /** The option it is about, when there is one (a form shows the message on that field). */
  field?: string;
}

export interface Reply {
  visibility: Visibility;
  tone: Tone;
  blocks: Block[];
  /** Present on error replies: every problem found, and the usage line to type instead. */
  problems?: Problem[];
  usage?: string;
  /** The request's idempotency key was seen before: nothing ran. Adapters may stay silent. */
  duplicate?: true;
  /** The activity this request logged; on a duplicate, the one its first delivery logged, if it logged one. */
  logged?: number;
}

export function reply(blocks: Block[], tone: Tone = 'info', visibility: Visibility = 'private'): Reply {
  return { visibility, tone, blocks };
}

export function errorReply(problems: Problem[], usage?: string, hint?: string): Reply {
  const blocks: Block[] = problems.map((p) => ({ kind: 'paragraph', text: p.message }));
  if (usage) blocks.push({ kind: 'paragraph', text: `Usage: ${usage}` });
  if (hint) blocks.push({ kind: 'paragraph', text: hint });
  return { visibility: 'private', tone: 'error', blocks, problems, ...(usage ? { usage } : {}) };
}

export function problem(code: string, message: string, field?: string): Problem {
  return field ? { code, message, field } : { code, message };
}
