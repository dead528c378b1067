/** The App Home tab: the member's dashboard, with buttons to log an activity or read help. */
import type { types } from '@slack/bolt';
import type { Reply } from '../../core/index.js';
import { MAX_BLOCKS, renderReply } from './render-reply.js';

export function homeView(status: Reply): types.HomeView {
  const dashboard = renderReply(status).blocks.filter((b) => b.type !== 'actions');
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Your continuing education' } },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'ceu:open-log', text: { type: 'plain_text', text: 'Log an activity' }, value: 'log', style: 'primary' },
          { type: 'button', action_id: 'ceu:need', text: { type: 'plain_text', text: 'What do I still need?' }, value: 'need' },
          { type: 'button', action_id: 'ceu:help', text: { type: 'plain_text', text: 'Help' }, value: 'help' },
        ],
      },
      { type: 'divider' },
      ...dashboard.slice(0, MAX_BLOCKS - 3),
    ],
  };
}
