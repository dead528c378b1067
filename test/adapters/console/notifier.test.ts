import { spawn, spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleNotifier } from '../../../src/adapters/console/notifier.js';
import type { OutboxMessage, PlannedMessage } from '../../../src/core/index.js';
import { makeNote } from '../../scheduler/make-outbox.js';
import { replies, runConsole, tempDbPath } from './run-console.js';

function outboxMessage(planned: Omit<PlannedMessage, 'workspaceId' | 'reply'> & { text: string }): OutboxMessage {
  return { ...planned, workspaceId: 1, reply: makeNote(planned.text), id: 1, platform: 'console', tenantId: 'console', attempts: 1, createdAt: '2026-11-24T12:00:00.000Z' };
}

describe('console delivery', () => {
  it('prints a reminder as plain text under a header naming the member, then a blank line', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += chunk));
    const notifier = createConsoleNotifier({ output });
    expect(await notifier.send(outboxMessage({ key: 'k', memberId: 1, target: { kind: 'direct', userId: 'alice' }, kind: 'nudge', text: 'Still needed: 10 general points.' }))).toEqual({ ok: true });
    expect(printed).toBe('── reminder for alice ──\nCMA: submit by 7 Feb 2027\nStill needed: 10 general points.\n\n');
  });

  it('holds what it is given until released, then prints it in order and the rest at once', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += chunk));
    const notifier = createConsoleNotifier({ output });
    notifier.hold();
    await notifier.send(outboxMessage({ key: 'a', memberId: 1, target: { kind: 'direct', userId: 'alice' }, kind: 'nudge', text: 'first' }));
    await notifier.send(outboxMessage({ key: 'b', memberId: 2, target: { kind: 'direct', userId: 'bob' }, kind: 'pace', text: 'second' }));
    expect(printed).toBe('');
    notifier.release();
    await notifier.send(outboxMessage({ key: 'c', memberId: 1, target: { kind: 'direct', userId: 'alice' }, kind: 'renewal', text: 'third' }));
    expect(printed.match(/first|second|third/g)).toEqual(['first', 'second', 'third']);
  });

  it('prints a digest under the channel\'s name', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += chunk));
    await createConsoleNotifier({ output }).send(outboxMessage({ key: 'd', memberId: null, target: { kind: 'channel', channelId: 'team' }, kind: 'digest', text: 'Expiring soon: bob.' }));
    expect(printed.startsWith('── digest for #team ──\n')).toBe(true);
    expect(printed.endsWith('Expiring soon: bob.\n\n')).toBe(true);
    expect(printed).not.toContain('\u001b[');
  });
});

describe('reminders in a piped console session (npm start as a child process)', () => {
  it('print after the last reply, once, including what fell due during the session, and the run still exits 0', async () => {
    const db = tempDbPath();
    const first = await runConsole(['credential add CMA expires 2027-02-28', 'status --json'], { CEU_DB: db });
    expect(first.code).toBe(0);
    const [added, status, reminder] = replies(first.stdout);
    expect(added).toContain('Tracking Certified Medical Assistant');
    expect(JSON.parse(status!)).toMatchObject({ member: 'alice' });
    expect(reminder).toMatch(/^── reminder for alice ──\nCMA: submit by/);
    expect(first.stdout.endsWith('\n\n')).toBe(true);
    const second = await runConsole(['status --json', 'need --json'], { CEU_DB: db });
    expect(second.code).toBe(0);
    expect(replies(second.stdout)).toHaveLength(2);
    expect(second.stdout).not.toContain('── reminder');
  });

  it('wait for the member’s working hours: one due at night prints on the first run in the morning', async () => {
    const db = tempDbPath();
    const night = await runConsole(['credential add CMA expires 2027-02-28'], { CEU_DB: db, CEU_NOW: '2026-11-24T03:00:00Z' });
    expect(night.stdout).not.toContain('── reminder');
    const morning = await runConsole(['status --json'], { CEU_DB: db, CEU_NOW: '2026-11-24T09:30:00Z' });
    const [status, reminder] = replies(morning.stdout);
    expect(JSON.parse(status!)).toMatchObject({ member: 'alice' });
    expect(reminder).toMatch(/^── reminder for alice ──\nCMA: submit by/);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('reminders on a terminal', () => {
  it('print at once, above a fresh prompt', async () => {
    const db = tempDbPath();
    // Added at night, so the reminder is still due when the terminal session starts at noon.
    await runConsole(['credential add CMA expires 2027-02-28'], { CEU_DB: db, CEU_NOW: '2026-11-24T03:00:00Z' });
    // util-linux `script` gives the program a real pseudo-terminal.
    const child = spawn('script', ['-qfec', `${process.execPath} --import tsx src/main.ts`, '/dev/null'], {
      cwd: new URL('../../..', import.meta.url).pathname,
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp', TERM: 'xterm', CEU_DB: db, CEU_NOW: '2026-11-24', CEU_USER: 'alice' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    for (let i = 0; i < 200 && !/── reminder for alice ──[\s\S]*ceu> /.test(output); i++) await new Promise((r) => setTimeout(r, 50));
    child.stdin.write('\u0004');
    await new Promise((resolve) => child.on('close', resolve));
    expect(output).toMatch(/ceu-bot console, as alice[\s\S]*── reminder for alice ──\r?\nCMA: submit by[\s\S]*ceu> /);
  }, 30_000);
});
