/** Runs the real program (`tsx src/main.ts`) as a child process, feeding lines on stdin. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface ConsoleRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'ceu-console-')), 'nested', 'ceu.sqlite');
}

/** `uid`: run as that user (a root test run cannot otherwise meet a file it may not write). */
export function runConsole(lines: string[], env: Record<string, string>, uid?: number): Promise<ConsoleRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: uid === undefined ? process.env.HOME ?? '/tmp' : '/tmp', CEU_NOW: '2026-11-24', CEU_USER: 'alice', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(uid === undefined ? {} : { uid, gid: uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

/** Replies are separated by one blank line each. */
export function replies(stdout: string): string[] {
  return stdout.split('\n\n').map((r) => r.trim()).filter((r) => r.length > 0);
}
