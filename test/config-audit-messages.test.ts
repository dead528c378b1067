import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error(`no configuration error for ${JSON.stringify(env)}`);
}

describe('configuration messages an operator reads', () => {
  it('refuses an unknown CEU_ name, naming the one meant and not its value', () => {
    expect(problemsOf({ CEU_SWEEP_INTERVALL: '1m' })[0]).toContain('CEU_SWEEP_INTERVAL');
    expect(problemsOf({ CEU_DATABASE: '/tmp/x.sqlite' })[0]).toMatch(/CEU_DATABASE.*CEU_DB/);
    expect(problemsOf({ CEU_DATABASE: 'secret-path' })[0]).not.toContain('secret-path');
  });

  it('warns of a near miss of another of its names and starts anyway, never showing the value', () => {
    // Ignored, the token would leave the console running where Slack or Discord was meant; but
    // the name may be another program's, so start-up goes on with a warning.
    const config = loadConfig({ SLACK_BOT_TOKN: 'xoxb-1-secret', discord_token: 'abc.def.ghi', DISCROD_TOKEN: 'abc.def.ghi', CEU_USER: 'alice' });
    expect(config.slack).toBeUndefined();
    expect(config.warnings).toEqual([
      'SLACK_BOT_TOKN is not a variable ceu-bot reads, so it is ignored: did you mean SLACK_BOT_TOKEN?',
      'discord_token is not a variable ceu-bot reads, so it is ignored: did you mean DISCORD_TOKEN?',
      'DISCROD_TOKEN is not a variable ceu-bot reads, so it is ignored: did you mean DISCORD_TOKEN?',
    ]);
    // Another Slack tool's name for a token: where each of ours goes, not a spelling guess.
    expect(loadConfig({ SLACK_API_TOKEN: 'xoxb-2-secret' }).warnings).toEqual([expect.stringMatching(/SLACK_API_TOKEN .*SLACK_BOT_TOKEN.*SLACK_APP_TOKEN/)]);
  });

  it('leaves other programs\' variables alone, and those Kubernetes and Docker add for a service named ceu', () => {
    const config = loadConfig({
      HOST: 'x', HOSTNAME: 'vm', SLACK_WEBHOOK_URL: 'https://hooks', DISCORD_CLIENT_ID: '1', CEU_USER: 'alice',
      CEU_SERVICE_HOST: '10.0.0.1', CEU_SERVICE_PORT: '3000', CEU_PORT: 'tcp://10.0.0.1:3000', CEU_PORT_3000_TCP: 'tcp://10.0.0.1:3000',
      CEU_PORT_3000_TCP_ADDR: '10.0.0.1', CEU_BOT_SERVICE_HOST: '10.0.0.2', CEU_BOT_SERVICE_PORT_HTTP: '3000', CEU_NAME: '/app/ceu',
    });
    expect(config.consoleUser).toBe('alice');
    expect(config.warnings).toEqual([]);
  });

  it('never echoes a value, so a secret pasted into the wrong variable stays unseen', () => {
    for (const name of ['CEU_NOW', 'CEU_SWEEP_INTERVAL', 'PORT', 'SLACK_API_URL', 'DISCORD_API_URL', 'DISCORD_GUILD_ID', 'LOG_LEVEL']) {
      const [problem] = problemsOf({ [name]: 'xoxb-2-very-secret' });
      expect(problem).toContain(name);
      expect(problem).not.toContain('xoxb-2-very-secret');
    }
  });

  it('names each variable once and says what to set', () => {
    expect(problemsOf({ CEU_SWEEP_INTERVAL: 'abc' })).toEqual([expect.stringMatching(/^CEU_SWEEP_INTERVAL must [^\n]*30s, 5m or 1h/)]);
    expect(problemsOf({ CEU_NOW: '2026-11-24T15:00:00' })).toEqual([expect.stringMatching(/^CEU_NOW must [^\n]*Z or an offset/)]);
    expect(problemsOf({ PORT: 'abc', SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 'y' })).toEqual([expect.stringMatching(/^PORT must be a port number from 0 to 65535/)]);
    expect(problemsOf({ SLACK_API_URL: 'slack.example' })).toEqual([expect.stringMatching(/^SLACK_API_URL must be a URL such as https:\/\//)]);
    expect(problemsOf({ LOG_LEVEL: 'verbose' })).toEqual([expect.stringMatching(/^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/)]);
  });

  it('reads an empty value as unset, as an env file line `PORT=` means', () => {
    expect(loadConfig({ PORT: '', SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 'y' }).slack?.port).toBe(3000);
    expect(loadConfig({ CEU_DB: ' ', CEU_SWEEP_INTERVAL: '', LOG_LEVEL: '', CEU_USER: 'alice' })).toMatchObject({ dbPath: './data/ceu.sqlite', sweepIntervalMs: 300_000 });
  });
});
