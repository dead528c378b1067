import { renderText, type Reply } from '../../core/index.js';

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const RESET = '\u001b[0m';

/** Plain text when piped; on a terminal, errors in red and confirmations in green. */
export function renderReply(reply: Reply, colour: boolean): string {
  const text = renderText(reply);
  if (!colour || reply.blocks.some((b) => b.kind === 'json')) return text;
  if (reply.tone === 'error') return `${RED}${text}${RESET}`;
  if (reply.tone === 'success') return `${GREEN}${text}${RESET}`;
  return text;
}
