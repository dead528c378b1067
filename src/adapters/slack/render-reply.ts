/**
 * Reply → Block Kit, with the plain-text rendering as the `text` fallback (notifications, screen
 * readers). Slack's limits: 50 blocks a message, 3,000 characters a section, 150 a header,
 * 10 fields a section, 75 characters a button label.
 */
import type { types } from '@slack/bolt';
import { formatNumber, renderText, type Block, type Reply } from '../../core/index.js';
import { bar, splitAtLines, truncate } from '../format.js';

type KnownBlock = types.KnownBlock;

export const MAX_BLOCKS = 50;
const MAX_SECTION = 3000;
const MAX_TEXT_FALLBACK = 3000;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export function renderReply(reply: Reply): SlackMessage {
  let blocks = reply.blocks.flatMap(renderBlock);
  if (reply.tone === 'error' && blocks[0]?.type === 'section') blocks.unshift({ type: 'context', elements: [{ type: 'mrkdwn', text: ':warning: Nothing was changed.' }] });
  if (blocks.length > MAX_BLOCKS) {
    blocks = blocks.slice(0, MAX_BLOCKS - 1);
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: '…more than fits in one Slack message.' }] });
  }
  return { text: truncate(renderText(reply), MAX_TEXT_FALLBACK), blocks };
}

function renderBlock(block: Block): KnownBlock[] {
  switch (block.kind) {
    case 'heading':
      return [{ type: 'header', text: { type: 'plain_text', text: truncate(block.text, 150) } }];
    case 'paragraph':
      return sections(escape(block.text));
    case 'fields':
      return chunk(block.fields, 10).map((fields) => ({
        type: 'section',
        fields: fields.map((f) => ({ type: 'mrkdwn', text: truncate(`*${escape(f.label)}*\n${escape(f.value)}`, 2000) })),
      }));
    case 'progress':
      return sections(`*${escape(block.label)}*  \`${bar(block.earned, block.required)}\`  ${formatNumber(block.earned)}/${formatNumber(block.required)} ${block.unit}${block.note ? ` _(${block.note})_` : ''}`);
    case 'list':
      return sections(block.items.map((item) => `• ${escape(item).replace(/\n\s*/g, '\n      ')}`).join('\n'));
    case 'actions':
      return [{
        type: 'actions',
        elements: block.buttons.slice(0, 5).map((b) => ({
          type: 'button',
          action_id: `ceu:${b.actionId}`,
          text: { type: 'plain_text', text: truncate(b.label, 75) },
          value: b.command,
          ...(b.style ? { style: b.style } : {}),
        })),
      }];
    case 'json':
      return sections(`\`\`\`${JSON.stringify(block.value, null, 1)}\`\`\``);
  }
}

/** A long text becomes several sections, split at line ends, each within Slack's limit. */
function sections(text: string): KnownBlock[] {
  return splitAtLines(text, MAX_SECTION).map((part) => ({ type: 'section', text: { type: 'mrkdwn', text: part } }));
}

/** Slack's mrkdwn needs &, < and > escaped; backticks (commands) already read as code there. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
