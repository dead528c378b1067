import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath } from './run-console.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
// util-linux `script` gives the program a real pseudo-terminal, so it sees a TTY.
const hasScript = spawnSync('script', ['--version']).status === 0;

/** Types keys one chunk at a time (readline ignores Tab inside a pasted chunk), waiting for each prompt, then `last` to end the session. */
async function typeInTerminal(keys: string[], last = '\u0004' /* Ctrl-D */): Promise<string> {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const child = spawn('script', ['-qfec', `${tsx} src/main.ts`, '/dev/null'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp', TERM: 'xterm', CEU_DB: tempDbPath(), CEU_NOW: '2026-11-24', CEU_USER: 'alice' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const prompts = () => output.split('ceu> ').length - 1;
  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  };
  await waitFor(() => prompts() >= 1);
  for (const key of keys) {
    const seen = prompts();
    child.stdin.write(key);
    if (key.endsWith('\r')) await waitFor(() => prompts() > seen);
    else await new Promise((r) => setTimeout(r, 150));
  }
  child.stdin.write(last);
  await new Promise((resolve) => child.on('close', resolve));
  return output;
}

/** What the terminal shows after the last prompt, escape sequences left out. */
const afterLastPrompt = (output: string) => output.slice(output.lastIndexOf('ceu> ') + 'ceu> '.length).replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

describe.skipIf(!hasScript)('the console on a terminal', () => {
  it('prompts, completes a command with Tab and recalls history with the up arrow', async () => {
    const output = await typeInTerminal(['credential add RMA expires 2027-04-30\r', 'sta', '\t', '\r', '\u001b[A', '\r']);
    expect(output).toContain('ceu-bot console, as alice');
    expect(output).toContain('Tracking Registered Medical Assistant');
    // "sta" + Tab became "status", and the up arrow ran it again: two status replies.
    expect(output.match(/RMA \(AMT\): in progress/g)?.length).toBe(3);
    expect(output).not.toContain('I don\'t know the command');
  }, 30_000);

  it.each([['Ctrl-D', '\u0004'], ['Ctrl-C', '\u0003']])('ends the line on %s, so the shell prompt starts on a line of its own', async (_name, key) => {
    const output = await typeInTerminal(['status\r'], key);
    expect(output).toContain('You have no credentials yet');
    expect(afterLastPrompt(output)).toMatch(/^\r?\n$/);
  }, 30_000);

  it('completes a command with Tab after @name, as it does without', async () => {
    const output = await typeInTerminal(['@bob sta', '\t', '\r']);
    expect(output).toContain('@bob status');
    expect(output).toContain('You have no credentials yet');
    expect(output).not.toContain('I don\'t know the command');
  }, 30_000);
});
