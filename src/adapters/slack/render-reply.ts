/**
 * Reply → Block Kit, with the plain-text rendering as the `text` fallback (notifications, screen
 * readers). Slack's limits: 50 blocks a message (100 on a Home tab), 3,000 characters a section,
 * 150 a header, 10 fields a section, 75 characters a button label.
 */
import type { types } from '@slack/bolt';
import { formatNumber, renderText, type Block, type Reply } from '../../core/index.js';
import { bar, splitAtLines, truncate } from '../format.js';

type KnownBlock = types.KnownBlock;

export const MAX_BLOCKS = 50;
const MAX_SECTION = 3000;
const MAX_FIELDS = 10;
const MAX_TEXT_FALLBACK = 3000;
const FENCE = '```';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** `maxBlocks`: how many blocks the surface leaves for the reply (a message's 50 by default). */
export function renderReply(reply: Reply, { maxBlocks = MAX_BLOCKS } = {}): SlackMessage {
  // Pushed into one array, not flatMapped: this runs for every answer.
  const blocks: KnownBlock[] = [];
  for (const block of reply.blocks) renderBlock(block, blocks);
  if (reply.tone === 'error' && blocks[0]?.type === 'section') blocks.unshift({ type: 'context', elements: [{ type: 'mrkdwn', text: ':warning: Nothing was changed.' }] });
  if (blocks.length > maxBlocks) joinSections(blocks);
  if (blocks.length > maxBlocks) {
    blocks.length = maxBlocks - 1;
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…more than fits in one Slack ${maxBlocks === MAX_BLOCKS ? 'message' : 'view'}.` }] });
  }
  // Slack reads the fallback as markup too (a notification would ping for `<!channel>` in a title).
  return { text: truncate(escape(renderText(reply)), MAX_TEXT_FALLBACK), blocks };
}

function renderBlock(block: Block, out: KnownBlock[]): void {
  switch (block.kind) {
    case 'heading':
      out.push({ type: 'header', text: { type: 'plain_text', text: truncate(block.text, 150) } });
      return;
    case 'paragraph':
      return sections(escape(block.text), out);
    case 'fields':
      for (let i = 0; i < block.fields.length; i += MAX_FIELDS) {
        out.push({
          type: 'section',
          fields: block.fields.slice(i, i + MAX_FIELDS).map((f) => ({ type: 'mrkdwn', text: truncate(`*${escape(f.label)}*\n${escape(f.value)}`, 2000) })),
        });
      }
      return;
    case 'progress':
      return sections(`*${escape(block.label)}*  \`${bar(block.earned, block.required)}\`  ${formatNumber(block.earned)}/${formatNumber(block.required)} ${block.unit}${block.note ? ` _(${block.note})_` : ''}`, out);
    case 'list':
      return listSections(block.items.map(listItem), out);
    case 'actions':
      out.push({
        type: 'actions',
        elements: block.buttons.slice(0, 5).map((b) => ({
          type: 'button',
          action_id: `ceu:${b.actionId}`,
          text: { type: 'plain_text', text: truncate(b.label, 75) },
          value: b.command,
          ...(b.style ? { style: b.style } : {}),
        })),
      });
      return;
    case 'json':
      // Each section is a code block of its own: a fence split across two sections shows as text.
      for (const part of splitAtLines(JSON.stringify(block.value, null, 1), MAX_SECTION - 2 * FENCE.length)) {
        out.push({ type: 'section', text: { type: 'mrkdwn', text: `${FENCE}${part}${FENCE}` } });
      }
      return;
  }
}

/**
 * Too many blocks for one message (every credential, and the reminders a member missed by DM):
 * before anything is cut, the text sections under each heading (one credential's bars, notes and
 * what it still needs; one reminder) are joined, within a section's limit, into one. Code
 * sections (JSON) stay apart, each its own fence.
 */
function joinSections(blocks: KnownBlock[]): void {
  const joined: KnownBlock[] = [];
  let underHeading = false;
  for (const block of blocks) {
    if (block.type === 'header') underHeading = true;
    const text = joinable(block);
    const last = joined.at(-1);
    const lastText = last && joinable(last);
    if (underHeading && text !== undefined && lastText !== undefined && lastText.length + 1 + text.length <= MAX_SECTION) {
      joined[joined.length - 1] = { type: 'section', text: { type: 'mrkdwn', text: `${lastText}\n${text}` } };
    } else joined.push(block);
  }
  blocks.splice(0, blocks.length, ...joined);
}

function joinable(block: KnownBlock): string | undefined {
  if (block.type !== 'section' || !block.text || block.fields || block.accessory) return undefined;
  return block.text.text.startsWith(FENCE) ? undefined : block.text.text;
}

/** A long text becomes several sections, split at line ends, each within Slack's limit. */
function sections(text: string, out: KnownBlock[]): void {
  for (const part of splitAtLines(text, MAX_SECTION)) out.push({ type: 'section', text: { type: 'mrkdwn', text: part } });
}

/**
 * A long list becomes several sections split between items, so that an item's lines (a member's
 * credentials in `team`) stay under its bullet; only an item longer than a section is split.
 */
function listSections(items: string[], out: KnownBlock[]): void {
  let current = '';
  for (const item of items) {
    const next = current ? `${current}\n${item}` : item;
    if (next.length <= MAX_SECTION) {
      current = next;
      continue;
    }
    if (current) sections(current, out);
    current = item;
  }
  if (current) sections(current, out);
}

/** An item's own lines are indented under its bullet. */
function listItem(item: string): string {
  const text = escape(item);
  return `• ${text.includes('\n') ? text.replace(/\n\s*/g, '\n      ') : text}`;
}

const MRKDWN_SPECIAL = /[&<>]/;
/**
 * A user or channel mention as Slack writes one (`<@U123>`, `<#C123|team>`; an older private
 * channel's id starts with G): the core names members and channels this way in `team`, `digest`
 * and the digest, and Slack shows each by name. Anything else in
 * angle brackets is escaped: `<!channel>` or `<!here>` in a title must not ping a channel, nor a
 * `<https://…|text>` disguise a link.
 */
const SLACK_MENTION = /(<(?:@[UW][A-Z0-9]+|#[CG][A-Z0-9]+)(?:\|[^<>|]*)?>)/;

/** Slack's mrkdwn needs &, < and > escaped; backticks (commands) already read as code there. */
function escape(text: string): string {
  if (!MRKDWN_SPECIAL.test(text)) return text;
  // split() with a capturing group puts the mentions at the odd indexes.
  return text.split(SLACK_MENTION).map((part, i) => (i % 2 === 1 ? part : escapeAll(part))).join('');
}

function escapeAll(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
