import type { Block } from '../reply.js';

export function noCredentialsBlocks(): Block[] {
  return [
    { kind: 'paragraph', text: 'You have no credentials yet. Add the ones you hold, for example:' },
    { kind: 'list', items: ['credential add CMA expires 2027-02-28', 'credential add RMA certified 2025-05-01', 'credential add BLS certified 2025-06-20'] },
  ];
}
