/**
 * An Events API envelope as Slack sends it from a Slack Connect conversation (a channel or DM
 * shared with another organisation): the envelope says `is_ext_shared_channel`, and the person
 * writing belongs to the other organisation's workspace, named in the event's `team`,
 * `user_team` and `source_team`. The installation (`authorizations`) is still ours.
 */
import { mergeOverrides } from './merge-overrides.js';

export const EXTERNAL_TEAM_ID = 'T0EXT';
export const EXTERNAL_USER_ID = 'U0EXT';

export function fromConnectedOrg<T extends { event: object }>(envelope: T, userId = EXTERNAL_USER_ID): T {
  return mergeOverrides(envelope, {
    is_ext_shared_channel: true,
    event: { user: userId, team: EXTERNAL_TEAM_ID, user_team: EXTERNAL_TEAM_ID, source_team: EXTERNAL_TEAM_ID },
  });
}
