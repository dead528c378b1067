import { describe, expect, it } from 'vitest';
import { MAX_HOME_BLOCKS, homeView } from '../../../src/adapters/slack/app-home.js';
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

  it('keeps the core\'s mentions of members and channels, and escapes every other bracket', () => {
    const message = renderReply(reply([
      { kind: 'paragraph', text: '<@U0A1B2C3>: CMA expires in 68 days; posted to <#C0TEAM|team>' },
      { kind: 'list', items: ['<@W0ENTERPRISE|dana>: CPR card expires tomorrow', 'Title <!channel> & <!here> <https://evil.example|relias.com>'] },
      { kind: 'fields', fields: [{ label: 'Member', value: '<@U0A1B2C3>' }] },
    ]));
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('<@U0A1B2C3>: CMA expires in 68 days; posted to <#C0TEAM|team>');
    expect(text).toContain('<@W0ENTERPRISE|dana>: CPR card expires tomorrow');
    expect(text).toContain('Title &lt;!channel&gt; &amp; &lt;!here&gt; &lt;https://evil.example|relias.com&gt;');
    expect(text).toContain('*Member*\\n<@U0A1B2C3>');
    expect(text).not.toContain('<!');
    expect(message.text).toContain('<@U0A1B2C3>: CMA expires in 68 days');
    expect(message.text).toContain('Title &lt;!channel&gt; &amp; &lt;!here&gt;');
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

  it('shows a long JSON document as several code blocks, each fenced, that join back into the document', () => {
    const value = { credentials: Array.from({ length: 60 }, (_, i) => ({ code: `C${i}`, state: 'in-progress', remaining: i, note: 'x'.repeat(40) })) };
    const sections = renderReply(reply([{ kind: 'json', value }])).blocks.map((b) => (b as { text: { text: string } }).text.text);
    expect(sections.length).toBeGreaterThan(1);
    for (const text of sections) {
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(text.startsWith('```') && text.endsWith('```')).toBe(true);
      expect(text.slice(3, -3)).not.toContain('```');
    }
    expect(JSON.parse(sections.map((text) => text.slice(3, -3)).join('\n'))).toEqual(value);
  });

  it('gives the Home tab its 100 blocks, with the note when the dashboard is longer, and no reply buttons', () => {
    const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'paragraph' as const, text: `credential ${i}` }));
    const buttons = { kind: 'actions' as const, buttons: [{ actionId: 'need', label: 'What do I still need?', command: 'need' }] };
    const sixty = homeView(reply([...paragraphs(60), buttons])).blocks;
    expect(sixty).toHaveLength(3 + 60);
    expect(JSON.stringify(sixty)).toContain('credential 59');
    expect(JSON.stringify(sixty)).not.toContain('more than fits');
    expect(sixty.filter((b) => b.type === 'actions')).toHaveLength(1); // the Home tab's own buttons only
    const long = homeView(reply([...paragraphs(150), buttons])).blocks;
    expect(long).toHaveLength(MAX_HOME_BLOCKS);
    expect(JSON.stringify(long.at(-1))).toContain('more than fits in one Slack view');
  });
});
