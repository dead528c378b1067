/**
 * Every row of every table of a database, for "changed nothing" checks: a refusal must leave each
 * table as it was, including the bookkeeping a user never sees (data versions, claims, outbox).
 */
import type Database from 'better-sqlite3';

export function dumpTables(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((table) => [table, sqlite.prepare(`select * from "${table}" order by rowid`).all()]));
}
