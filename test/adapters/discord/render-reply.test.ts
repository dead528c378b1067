import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/adapters/discord/render-reply.js';
import type { Reply } from '../../../src/core/index.js';

const reply = (blocks: Reply['blocks'], tone: Reply['tone'] = 'info'): Reply => ({ visibility: 'private', tone, blocks });

describe('Discord rendering', () => {
  it('makes one embed per credential, coloured by its status, with fields, bars and buttons', () => {
    const message = renderReply(reply([
      { kind: 'heading', text: 'CMA (AAMA): complete', status: 'ok' },
      { kind: 'fields', fields: [{ label: 'Submit by', value: '2027-02-28' }] },
      { kind: 'progress', label: 'Total', earned: 60, required: 60, unit: 'points' },
      { kind: 'heading', text: 'BLS (AHA): expired', status: 'lapsed' },
      { kind: 'list', items: ['Renew the card'] },
      { kind: 'actions', buttons: [{ actionId: 'log-another', label: 'Log an activity', command: 'log', style: 'primary' }] },
    ]));
    expect(message.flags).toBe(64);
    expect(message.embeds.map((e) => [e.title, e.color])).toEqual([['CMA (AAMA): complete', 0x2e7d32], ['BLS (AHA): expired', 0xc62828]]);
    expect(message.embeds[0]!.fields).toEqual([{ name: 'Submit by', value: '2027-02-28', inline: true }]);
    expect(message.embeds[0]!.description).toContain('`██████████` 60/60 points');
    expect(message.components).toEqual([{ type: 1, components: [{ type: 2, style: 1, label: 'Log an activity', custom_id: 'ceu:log' }] }]);
  });

  it('keeps within 10 embeds and 6,000 characters in all', () => {
    const blocks: Reply['blocks'] = [];
    for (let i = 0; i < 14; i++) blocks.push({ kind: 'heading', text: `Section ${i}` }, { kind: 'paragraph', text: 'x'.repeat(3000) });
    const message = renderReply(reply(blocks));
    expect(message.embeds).toHaveLength(10);
    const total = message.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0);
    expect(total).toBeLessThanOrEqual(6000);
    for (const embed of message.embeds) expect((embed.description ?? '').length).toBeLessThanOrEqual(4096);
  });

  it('keeps the pagination line of a long history page, and counts fields in the total', () => {
    const items = Array.from({ length: 10 }, (_, i) => `#${i} ${'x'.repeat(900)}`);
    const fields = Array.from({ length: 25 }, (_, i) => ({ label: `f${i}`, value: 'y'.repeat(100) }));
    const message = renderReply(reply([
      { kind: 'heading', text: 'Activities (page 1 of 3)' }, { kind: 'fields', fields }, { kind: 'list', items },
      { kind: 'paragraph', text: 'More: `history page 2`' },
    ]));
    const total = message.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0), 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(message.embeds.at(-1)!.description).toMatch(/More: `history page 2`$/);
  });

  it('fits 6,000 characters when the longest description ends in a line too long to keep whole', () => {
    const message = renderReply(reply([
      { kind: 'heading', text: 'Long last line' }, { kind: 'paragraph', text: `short\n${'x'.repeat(4000)}` },
      { kind: 'heading', text: 'Other' }, { kind: 'paragraph', text: 'y'.repeat(3000) },
    ]));
    const total = message.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(message.embeds.map((e) => e.title)).toEqual(['Long last line', 'Other']);
  });

  it('lays out buttons in rows of five, each custom id once', () => {
    const buttons = ['log', 'need', 'log', 'snooze RMA', 'credential renew RMA', 'snooze CMA', 'credential renew CMA'].map((command, i) => ({ actionId: `a${i}`, label: `B${i}`, command }));
    const message = renderReply(reply([{ kind: 'paragraph', text: 'x' }, { kind: 'actions', buttons }]));
    expect(message.components.map((row) => row.components.map((b) => ('custom_id' in b ? b.custom_id : '')))).toEqual([
      ['ceu:log', 'ceu:need', 'ceu:snooze RMA', 'ceu:credential renew RMA', 'ceu:snooze CMA'],
      ['ceu:credential renew CMA'],
    ]);
  });

  it('colours an error reply red and keeps it private', () => {
    const message = renderReply(reply([{ kind: 'paragraph', text: 'No.' }], 'error'));
    expect(message).toMatchObject({ flags: 64, embeds: [{ color: 0xc62828, description: 'No.' }] });
  });
});
