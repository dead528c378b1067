/** The App Home tab: the member's dashboard, with buttons to log an activity or read help. */
import type { types } from '@slack/bolt';
import type { Reply } from '../../core/index.js';
import { renderReply } from './render-reply.js';

/** A Home tab holds 100 blocks; the header, buttons and divider above the dashboard take 3. */
export const MAX_HOME_BLOCKS = 100;
const ABOVE_DASHBOARD = 3;

export function homeView(status: Reply): types.HomeView {
  // The dashboard has buttons of its own above it: the reply's are left out before counting blocks.
  const withoutButtons: Reply = { ...status, blocks: status.blocks.filter((b) => b.kind !== 'actions') };
  const dashboard = renderReply(withoutButtons, { maxBlocks: MAX_HOME_BLOCKS - ABOVE_DASHBOARD }).blocks;
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
      ...dashboard,
    ],
  };
}
