import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('takes a sweep interval up to an hour', () => {
    expect(loadConfig({ CEU_SWEEP_INTERVAL: '1h' }).sweepIntervalMs).toBe(3_600_000);
    expect(loadConfig({ CEU_SWEEP_INTERVAL: '30s' }).sweepIntervalMs).toBe(30_000);
  });

  it('defaults to the console on ./data/ceu.sqlite with a 5 minute sweep', () => {
    const config = loadConfig({ CEU_USER: 'alice' });
    expect(config).toMatchObject({ dbPath: './data/ceu.sqlite', sweepIntervalMs: 300_000, consoleUser: 'alice' });
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
  });

  it('reads CEU_NOW as a date-time, or a date alone as 12:00 UTC', () => {
    expect(loadConfig({ CEU_NOW: '2026-11-24' }).startAt?.toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(loadConfig({ CEU_NOW: '2026-11-24T08:30:00Z' }).startAt?.toISOString()).toBe('2026-11-24T08:30:00.000Z');
    expect(loadConfig({ CEU_NOW: '2026-11-24T23:30:00-06:00' }).startAt?.toISOString()).toBe('2026-11-25T05:30:00.000Z');
  });

  it.each([
    [{ CEU_NOW: 'soon' }, /CEU_NOW/],
    [{ CEU_NOW: '2026-02-30' }, /CEU_NOW/],
    [{ CEU_NOW: '1' }, /CEU_NOW/],
    [{ CEU_NOW: 'Nov 24 2026' }, /CEU_NOW/],
    [{ CEU_NOW: '275760-09-13' }, /CEU_NOW/],
    [{ CEU_SWEEP_INTERVAL: 'often' }, /CEU_SWEEP_INTERVAL/],
    // Longer than the shortest window a member's reminders may arrive in (an hour): sweeps could step over it every day.
    [{ CEU_SWEEP_INTERVAL: '2h' }, /CEU_SWEEP_INTERVAL.*1h/],
    [{ CEU_SWEEP_INTERVAL: '61m' }, /CEU_SWEEP_INTERVAL.*1h/],
    [{ SLACK_BOT_TOKEN: 'xoxb-secret' }, /SLACK_SIGNING_SECRET/],
    [{ SLACK_SIGNING_SECRET: 's3cret' }, /SLACK_BOT_TOKEN/],
    [{ DISCORD_TOKEN: 'abc.def' }, /DISCORD_APPLICATION_ID/],
    [{ DISCORD_APPLICATION_ID: '123' }, /DISCORD_TOKEN/],
  ])('refuses %j naming what is missing or wrong', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never puts a secret into an error message', () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-very-secret', CEU_NOW: 'bad' });
    } catch (error) {
      expect(String(error)).not.toContain('xoxb-very-secret');
    }
  });

  it('accepts a complete Slack HTTP, Slack socket and Discord configuration', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 'y', PORT: '8080' }).slack).toMatchObject({ port: 8080 });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'x', SLACK_APP_TOKEN: 'xapp' }).slack).toMatchObject({ appToken: 'xapp' });
    expect(loadConfig({ DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: '1' }).discord).toMatchObject({ applicationId: '1' });
  });
});
