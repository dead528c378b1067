/**
 * Slack Connect brings people of another organisation into a shared channel or DM, and their
 * events reach the bot under this installation. They are not members here (a member is this
 * workspace's team, or this organisation's, plus user id): their requests are answered with a
 * note and not run, so nothing of theirs is kept here and their own workspace's admin role,
 * which users.info reports, grants nothing here (`team` lists this workspace's members).
 */
import type { Reply } from '../../core/index.js';
import type { InstallContext } from './to-command-request.js';

export const FROM_ANOTHER_ORG: Reply = {
  visibility: 'private',
  tone: 'info',
  blocks: [{ kind: 'paragraph', text: 'I keep records only for members of this workspace, so I did nothing with that. If your own workspace has ceu-bot, ask it there.' }],
};

/**
 * Only a conversation Slack marks as shared with another organisation can bring one. Under an
 * org-wide install the sender's workspace is one of the organisation's many, which the payload
 * cannot tell from another organisation's: nobody is turned away there.
 */
export function isFromAnotherOrg(install: InstallContext, sharedWithAnotherOrg: boolean | undefined, senderTeam: string | undefined): boolean {
  if (!sharedWithAnotherOrg || install.isEnterpriseInstall || !senderTeam) return false;
  return senderTeam !== install.teamId && senderTeam !== install.enterpriseId;
}
