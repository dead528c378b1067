/**
 * The store remembers the cycle a credential was renewed from (`renewedFrom`), so counting can
 * keep that cycle's credit out of the next one without reading the audit trail for every
 * credential a sweep evaluates.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/ports.js';
import type { CredentialInput } from '../../src/core/rules/types.js';
import { makeRef, makeStore, makeTempDir, type TestStore } from './make-store.js';

let subject: TestStore | undefined;
afterEach(() => subject?.cleanup());

const ncma = (expiresOn: string) => ({ code: 'NCMA', expiresOn, certifiedOn: null }) as const;
const renewedFrom = (member: Member): string | undefined => (subject!.store.listCredentials(member)[0] as CredentialInput | undefined)?.renewedFrom;

describe('the cycle a credential was renewed from', () => {
  let alice: Member;
  const start = () => {
    subject = makeStore();
    alice = subject.store.ensureMember(makeRef({ userId: 'alice' }));
  };

  it('is the expiry a renewal moved on from, for the store’s reads and the sweep’s', () => {
    start();
    subject!.store.putCredential(alice, ncma('2026-12-31'), '2026-03-01T12:00:00.000Z');
    expect(renewedFrom(alice)).toBeUndefined();
    // Renewed on 10 Dec, before the 31 Dec expiry: the renewal covered credit up to that day.
    subject!.store.putCredential(alice, ncma('2027-12-31'), '2026-12-10T12:00:00.000Z');
    expect(renewedFrom(alice)).toBe('2026-12-10');
    expect(subject!.store.loadMember(alice).credentials).toEqual([{ ...ncma('2027-12-31'), renewedFrom: '2026-12-10' }]);
    expect(subject!.scheduler.listDueMembers('2026-12-10T12:00:00.000Z', 0, 10)[0]?.credentials).toEqual([{ ...ncma('2027-12-31'), renewedFrom: '2026-12-10' }]);
  });

  it('carries the grace-period CE a renewal was made with, for the store’s reads and the sweep’s', () => {
    start();
    subject!.store.putCredential(alice, ncma('2026-12-31'), '2026-03-01T12:00:00.000Z');
    // Renewed on 10 Feb, in the grace period after the 31 Dec expiry, with CE done up to 1 Feb.
    subject!.store.putCredential(alice, ncma('2027-12-31'), '2027-02-12T12:00:00.000Z', { on: '2027-02-10' });
    const renewed = { ...ncma('2027-12-31'), renewedFrom: '2026-12-31', renewedOn: '2027-02-10' };
    expect(subject!.store.listCredentials(alice)).toEqual([renewed]);
    expect(subject!.store.loadMember(alice).credentials).toEqual([renewed]);
    expect(subject!.scheduler.listDueMembers('2027-02-12T12:00:00.000Z', 0, 10)[0]?.credentials).toEqual([renewed]);
  });

  it('is the expiry renewed from when the renewal came after it', () => {
    start();
    subject!.store.putCredential(alice, ncma('2026-12-31'), '2026-03-01T12:00:00.000Z');
    subject!.store.putCredential(alice, ncma('2027-12-31'), '2027-01-05T12:00:00.000Z');
    expect(renewedFrom(alice)).toBe('2026-12-31');
  });

  it('is not a date corrected long before the expiry, earlier than a renewal can come', () => {
    start();
    subject!.store.putCredential(alice, ncma('2026-12-31'), '2026-03-01T12:00:00.000Z');
    subject!.store.putCredential(alice, ncma('2027-12-31'), '2026-03-01T12:05:00.000Z');
    expect(renewedFrom(alice)).toBeUndefined();
  });

  it('goes back to the renewal before when a renewal is taken back', () => {
    start();
    subject!.store.putCredential(alice, ncma('2025-12-31'), '2025-11-01T12:00:00.000Z');
    subject!.store.putCredential(alice, ncma('2026-12-31'), '2025-12-15T12:00:00.000Z');
    subject!.store.putCredential(alice, ncma('2027-12-31'), '2026-12-10T12:00:00.000Z');
    // "if you have not renewed after all, `credential add NCMA expires 2026-12-31` puts it back"
    subject!.store.putCredential(alice, ncma('2026-12-31'), '2026-12-11T12:00:00.000Z');
    expect(renewedFrom(alice)).toBe('2025-12-15');
    subject!.store.putCredential(alice, ncma('2025-12-31'), '2026-12-11T12:01:00.000Z');
    expect(renewedFrom(alice)).toBeUndefined();
  });
});

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** A file as the bot left it before migration 0010, with an NCMA renewed then and its tallies saved. */
function makeRenewedBefore0010(): string {
  const dir = makeTempDir();
  const folder = join(dir, 'drizzle');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === '0009_digest_set_by');
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  const path = join(dir, 'ceu.sqlite');
  const sqlite = new Database(path);
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  const before = JSON.stringify({ code: 'NCMA', expiresOn: '2026-12-31', certifiedOn: null });
  const after = JSON.stringify({ code: 'NCMA', expiresOn: '2027-12-31', certifiedOn: null });
  sqlite.exec(`
    insert into workspaces (platform, external_id) values ('slack', 'T1');
    insert into members (workspace_id, user_id, data_version) values (1, 'alice', 3), (1, 'bob', 1);
    insert into credentials (member_id, workspace_id, code, expires_on, created_at, updated_at) values
      (1, 1, 'NCMA', '2027-12-31', '2026-03-01T12:00:00.000Z', '2026-12-10T12:00:00.000Z'),
      (2, 1, 'NCMA', '2027-12-31', '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:00.000Z');
    insert into audit (workspace_id, member_id, entity, entity_id, action, before, after, at) values
      (1, 1, 'credential', '1', 'credential-add', null, '${before}', '2026-03-01T12:00:00.000Z'),
      (1, 2, 'credential', '2', 'credential-add', null, '${after}', '2026-03-01T12:00:00.000Z'),
      (1, 1, 'credential', '1', 'credential-add', '${before}', '${after}', '2026-12-10T12:00:00.000Z');
    insert into activities (member_id, workspace_id, completed_on, amount, unit, aama_approved, created_at, updated_at)
      values (1, 1, '2026-09-01', '14', 'hours', 0, '2026-09-01T12:00:00.000Z', '2026-09-01T12:00:00.000Z');
    insert into member_tallies (member_id, data_version, tallies) values (1, 3,
      '[1,"3:a13760e9","[]",["NCMA","2027-12-31","2027-12-31","2026-09-01","9999-12-31",14,14,0,"0",0,["ncma.hoursPerYear"],[]]]');
  `);
  sqlite.close();
  return path;
}

describe('migration 0010 (credentials renewed from)', () => {
  it('finds the renewals made before it, and counts afresh the tallies saved with the renewed year in them', () => {
    subject = makeStore(makeRenewedBefore0010());
    const [alice, bob] = subject.scheduler.listDueMembers('2027-01-10T12:00:00.000Z', 0, 10);
    expect(alice!.credentials).toEqual([{ ...ncma('2027-12-31'), renewedFrom: '2026-12-10' }]);
    expect(bob!.credentials).toEqual([ncma('2027-12-31')]);
    // Saved at the member's current data version, but counted with 2026's 14 hours in 2027.
    expect(alice!.tallies).toBeUndefined();
  });
});
