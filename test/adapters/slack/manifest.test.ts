import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = readFileSync(new URL('../../../src/adapters/slack/manifest.yml', import.meta.url), 'utf8');

describe('the Slack app manifest', () => {
  it('declares what the adapter listens to and calls', () => {
    for (const needed of ['command: /ceu', 'app_home_opened', 'app_mention', 'message.im', 'home_tab_enabled: true', 'is_enabled: true', '/slack/events']) {
      expect(manifest).toContain(needed);
    }
    for (const scope of ['app_mentions:read', 'chat:write', 'chat:write.public', 'commands', 'im:history', 'im:write', 'users:read']) {
      expect(manifest).toMatch(new RegExp(`- ${scope}\\b`));
    }
  });
});
