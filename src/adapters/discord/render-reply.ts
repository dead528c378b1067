/**
 * Reply → a Discord message: one embed per heading (coloured by the credential's status or the
 * reply's tone), buttons as components, ephemeral when private. Discord's limits: 10 embeds,
 * 6,000 characters across them, 4,096 a description, 256 a title, 25 fields, 5 buttons a row and
 * 5 rows, each custom id once per message.
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { formatNumber, type Block, type Reply } from '../../core/index.js';
import { bar, splitAtLines, truncate } from '../format.js';

export const EPHEMERAL = 1 << 6;
const COLOURS = { ok: 0x2e7d32, attention: 0x1565c0, lapsed: 0xc62828, info: 0x546e7a, success: 0x2e7d32, warning: 0xef6c00, error: 0xc62828 };
const MAX_EMBEDS = 10;
const MAX_TOTAL = 6000;
const MAX_DESCRIPTION = 4096;
const BUTTONS_PER_ROW = 5;
const MAX_ROWS = 5;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  flags?: number;
}

export function renderReply(reply: Reply): DiscordMessage {
  const embeds: APIEmbed[] = [];
  let current: APIEmbed & { lines: string[] } = { color: COLOURS[reply.tone], lines: [] };
  const buttons: APIButtonComponent[] = [];
  const flush = () => {
    const { lines, ...embed } = current;
    // A description longer than Discord allows continues in further embeds, split between lines.
    const [first = '', ...rest] = splitAtLines(lines.join('\n').trim(), MAX_DESCRIPTION);
    if (first) embed.description = first;
    if (embed.title || embed.description || embed.fields?.length) embeds.push(embed);
    for (const more of rest) embeds.push({ color: embed.color, description: more });
  };
  for (const block of reply.blocks) {
    if (block.kind === 'heading') {
      flush();
      current = { title: truncate(block.text, 256), color: COLOURS[block.status ?? reply.tone], lines: [] };
    } else if (block.kind === 'fields') {
      current.fields = [...(current.fields ?? []), ...block.fields.map((f) => ({ name: truncate(f.label, 256), value: truncate(f.value, 1024), inline: true }))].slice(0, 25);
    } else if (block.kind === 'actions') {
      buttons.push(...block.buttons.map(button));
    } else {
      current.lines.push(line(block));
    }
  }
  flush();
  const message: DiscordMessage = { embeds: withinTotal(withinCount(embeds)), components: buttonRows(buttons) };
  if (reply.visibility === 'private') message.flags = EPHEMERAL;
  return message;
}

function line(block: Exclude<Block, { kind: 'heading' | 'fields' | 'actions' }>): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'progress':
      return `**${block.label}** \`${bar(block.earned, block.required)}\` ${formatNumber(block.earned)}/${formatNumber(block.required)} ${block.unit}${block.note ? ` *(${block.note})*` : ''}`;
    case 'list':
      return block.items.map((item) => `• ${item.replace(/\n\s*/g, '\n  ')}`).join('\n');
    case 'json':
      return `\`\`\`json\n${JSON.stringify(block.value)}\n\`\`\``;
  }
}

function button(b: { actionId: string; label: string; command: string; style?: 'primary' | 'danger' }): APIButtonComponent {
  return { type: 2, style: b.style === 'primary' ? 1 : b.style === 'danger' ? 4 : 2, label: truncate(b.label, 80), custom_id: `ceu:${b.command}`.slice(0, 100) };
}

/**
 * Rows of five. A reply can offer one command twice (a status answer's "Log an activity" and the "Log
 * now" of a reminder shown with it), and Discord refuses a whole message whose custom ids repeat.
 */
function buttonRows(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent>[] {
  const seen = new Set<string>();
  const unique = buttons.filter((b) => {
    if (!('custom_id' in b)) return true;
    if (seen.has(b.custom_id)) return false;
    seen.add(b.custom_id);
    return true;
  });
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let at = 0; at < unique.length && rows.length < MAX_ROWS; at += BUTTONS_PER_ROW) rows.push({ type: 1, components: unique.slice(at, at + BUTTONS_PER_ROW) });
  return rows;
}

/**
 * Past 10 embeds, the rest continue in the tenth as text (titles in bold) rather than go: they
 * may be reminders a closed DM kept, which are shown only this once.
 */
function withinCount(embeds: APIEmbed[]): APIEmbed[] {
  if (embeds.length <= MAX_EMBEDS) return embeds;
  const rest = embeds.slice(MAX_EMBEDS - 1);
  const text = rest.map((e) => [e.title && `**${e.title}**`, ...(e.fields ?? []).map((f) => `**${f.name}:** ${f.value}`), e.description].filter(Boolean).join('\n')).join('\n\n');
  return [...embeds.slice(0, MAX_EMBEDS - 1), { color: rest[0]!.color, description: truncate(text, MAX_DESCRIPTION) }];
}

const sizeOf = (e: APIEmbed) => (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/**
 * Fits Discord's 6,000-character total: cuts the middle of the longest description (its last
 * line, often "More: `history page 2`", stays), then drops trailing embeds if fields alone overflow.
 */
function withinTotal(embeds: APIEmbed[]): APIEmbed[] {
  let total = embeds.reduce((n, e) => n + sizeOf(e), 0);
  while (total > MAX_TOTAL) {
    const longest = embeds.reduce<APIEmbed | undefined>((a, e) => ((e.description?.length ?? 0) > (a?.description?.length ?? 0) ? e : a), undefined);
    const description = longest?.description ?? '';
    if (!longest || description.length < 200) embeds.pop();
    else longest.description = shortened(description, total - MAX_TOTAL);
    total = embeds.reduce((n, e) => n + sizeOf(e), 0);
  }
  return embeds;
}

/**
 * `excess` characters fewer, cut before the last line when that line fits in what is left, else
 * from the end: a last line too long to keep must not stop the shortening (the loop above would
 * never end).
 */
function shortened(description: string, excess: number): string {
  const room = Math.max(0, description.length - excess - 1); // the ellipsis takes one
  const lastBreak = description.lastIndexOf('\n');
  const tail = lastBreak > 0 ? description.slice(lastBreak) : '';
  return tail && tail.length < room ? `${description.slice(0, room - tail.length)}…${tail}` : `${description.slice(0, room)}…`;
}
