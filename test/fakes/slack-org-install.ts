/**
 * A payload as Slack sends it when the app is installed org-wide on Enterprise Grid E0001, for a
 * member whose workspace is T0009. Each kind says "org-wide" in its own place: a slash command in
 * a string field, an interaction in a boolean, an Events API envelope only in `authorizations[0]`
 * (whose team_id is null for an org-wide install).
 */
import { FAKE_BOT_USER_ID } from './fake-slack-team.js';
import { mergeOverrides } from './merge-overrides.js';

export const ORG_ENTERPRISE_ID = 'E0001';
export const ORG_TEAM_ID = 'T0009';
const ORG_TEAM_DOMAIN = 'clinic-east';
const ENTERPRISE_NAME = 'Clinic Group';

export function orgWideCommand<T extends Record<string, string>>(fields: T): T {
  return { ...fields, team_id: ORG_TEAM_ID, team_domain: ORG_TEAM_DOMAIN, enterprise_id: ORG_ENTERPRISE_ID, enterprise_name: ENTERPRISE_NAME, is_enterprise_install: 'true' };
}

export function orgWideEvent<T extends object>(envelope: T): T {
  return mergeOverrides(envelope, {
    team_id: ORG_TEAM_ID,
    enterprise_id: ORG_ENTERPRISE_ID,
    context_team_id: ORG_TEAM_ID,
    context_enterprise_id: ORG_ENTERPRISE_ID,
    authorizations: [{ enterprise_id: ORG_ENTERPRISE_ID, team_id: null, user_id: FAKE_BOT_USER_ID, is_bot: true, is_enterprise_install: true }],
  });
}

/** block_actions and view_submission alike. */
export function orgWideInteraction<T extends object>(payload: T): T {
  return mergeOverrides(payload, {
    team: { id: ORG_TEAM_ID, domain: ORG_TEAM_DOMAIN, enterprise_id: ORG_ENTERPRISE_ID, enterprise_name: ENTERPRISE_NAME },
    enterprise: { id: ORG_ENTERPRISE_ID, name: ENTERPRISE_NAME },
    is_enterprise_install: true,
    user: { team_id: ORG_TEAM_ID },
  });
}
