/** Plain-text rendering of a Reply: the console's output and every notification fallback. */
import type { Block, Reply } from './reply.js';
import { formatNumber } from './views/describe.js';

const BAR_WIDTH = 20;

export function renderText(reply: Reply): string {
  const json = reply.blocks.find((b) => b.kind === 'json');
  if (json) return JSON.stringify(json.value);
  // Joined as it goes (every answer's fallback text comes through here), empty lines left out.
  let text = '';
  for (const block of reply.blocks) {
    const line = renderBlock(block);
    if (line.length > 0) text = text.length > 0 ? `${text}\n${line}` : line;
  }
  return text;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `\n${block.text}`.trimStart();
    case 'paragraph':
      return block.text;
    case 'fields':
      return block.fields.map((f) => `  ${f.label}: ${f.value}`).join('\n');
    case 'progress':
      return `  ${progressBar(block.label, block.earned, block.required, block.unit)}${block.note ? ` (${block.note})` : ''}`;
    case 'list':
      return block.items.map((item) => `  - ${item}`).join('\n');
    case 'actions':
      return `  Next: ${block.buttons.map((b) => `\`${b.command}\``).join(', ')}`;
    case 'json':
      return JSON.stringify(block.value);
  }
}

export function progressBar(label: string, earned: number, required: number, unit: string): string {
  const ratio = required > 0 ? Math.min(1, earned / required) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  const bar = '#'.repeat(filled) + '-'.repeat(BAR_WIDTH - filled);
  return `${label.padEnd(14)} [${bar}] ${formatNumber(earned)}/${formatNumber(required)} ${unit}`;
}
