/**
 * The App Home tab: the member's dashboard, with buttons to log an activity or read help. A Home
 * tab has nowhere to type, and the dashboard names commands (`credential add …`): the line under
 * the buttons says where they are typed, and where the buttons' answers arrive (by DM).
 */
import type { types } from '@slack/bolt';
import type { Reply } from '../../core/index.js';
import { renderReply } from './render-reply.js';

/** A Home tab holds 100 blocks; the header, buttons and where-to-type line above the dashboard take 3. */
export const MAX_HOME_BLOCKS = 100;
const ABOVE_DASHBOARD = 3;

const WHERE_TO_TYPE = 'Type commands after `/ceu` in any conversation, or send them to me in the Messages tab, where these buttons answer too.';

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
      { type: 'context', elements: [{ type: 'mrkdwn', text: WHERE_TO_TYPE }] },
      ...dashboard,
    ],
  };
}
