import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../src/core/rules/index.js';
import { currentCycle } from '../src/core/views/load-standing.js';
import { createSqliteStore, openDatabase } from '../src/storage/index.js';
import { summarize } from './percentiles.js';
import { seedDatabase } from './seed.js';
const database = openDatabase(join(mkdtempSync(join(tmpdir(), 'p-')), 'b.sqlite'));
seedDatabase(database.sqlite, { members: 200, activitiesPerMember: 50, seed: 1 });
const store = createSqliteStore(database);
const inputs = Array.from({ length: 200 }, (_, i) => {
  const scope = { workspaceId: 1, memberId: i + 1 };
  return { credentials: store.listCredentials(scope), activities: store.listActivities(scope) };
});
const per: Record<string, bigint[]> = { CMA: [], RMA: [], CCMA: [] };
for (let k = 0; k < 20000; k++) {
  const { credentials, activities } = inputs[k % 200]!;
  for (const c of credentials) {
    const t0 = process.hrtime.bigint();
    evaluate(currentCycle(c, activities), activities, '2026-11-24', {});
    if (k > 1000) per[c.code]!.push(process.hrtime.bigint() - t0);
  }
}
for (const [code, s] of Object.entries(per)) console.log(code, summarize(s));
