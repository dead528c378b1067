/** The one workspace, app and bot every fake Slack payload and answer agrees on. */
export const FAKE_TEAM_ID = 'T0001';
export const FAKE_TEAM_DOMAIN = 'ceu-test';
export const FAKE_APP_ID = 'A0001';
export const FAKE_BOT_USER_ID = 'UBOT';
export const FAKE_BOT_ID = 'BBOT';

export type SlackFailure = { ok: false; error: string; response_metadata?: { messages: string[] } };

export function slackFailure(error: string, ...messages: string[]): SlackFailure {
  return messages.length === 0 ? { ok: false, error } : { ok: false, error, response_metadata: { messages } };
}
