import { describe, expect, it } from 'vitest';
import { MAX_BLOCKS, renderReply } from '../../../src/adapters/slack/render-reply.js';
import type { Reply } from '../../../src/core/index.js';

const reply = (blocks: Reply['blocks']): Reply => ({ visibility: 'private', tone: 'info', blocks });

describe('Block Kit rendering', () => {
  it('renders every block kind, with a plain-text fallback', () => {
    const message = renderReply(reply([
      { kind: 'heading', text: 'CMA (AAMA): in progress' },
      { kind: 'paragraph', text: 'Use `status` & <see>' },
      { kind: 'fields', fields: [{ label: 'Submit by', value: '2027-02-07' }] },
      { kind: 'progress', label: 'Total', earned: 36, required: 60, unit: 'points' },
      { kind: 'list', items: ['one', 'two'] },
      { kind: 'actions', buttons: [{ actionId: 'undo', label: 'Undo', command: 'undo', style: 'danger' }] },
    ]));
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'section', 'actions']);
    expect(JSON.stringify(message.blocks[1])).toContain('Use `status` &amp; &lt;see&gt;');
    expect(JSON.stringify(message.blocks[3])).toContain('`██████░░░░`  36/60 points');
    expect(message.text).toContain('CMA (AAMA): in progress');
  });

  it('keeps within 50 blocks and 3,000 characters a section', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({ kind: 'paragraph' as const, text: `line ${i}` }));
    const long = { kind: 'list' as const, items: Array.from({ length: 100 }, (_, i) => `item ${i} ${'x'.repeat(80)}`) };
    const message = renderReply(reply([...many, long]));
    expect(message.blocks).toHaveLength(MAX_BLOCKS);
    expect(JSON.stringify(message.blocks.at(-1))).toContain('more than fits in one Slack message');
    const sections = renderReply(reply([long])).blocks;
    expect(sections.length).toBeGreaterThan(1);
    for (const block of sections) expect((block as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(3000);
    expect(message.text.length).toBeLessThanOrEqual(3000);
  });
});
