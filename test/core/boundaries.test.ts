import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = new URL('../../src/core', import.meta.url).pathname;
const FORBIDDEN = [/from ['"]@slack\//, /from ['"]discord\.js/, /from ['"]drizzle-orm/, /from ['"]better-sqlite3/, /from ['"](\.\.\/)+(adapters|storage)\//, /process\.env/, /Date\.now\(\)/, /new Date\(\)/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the core stays platform-agnostic', () => {
  it('imports nothing from adapters, storage or platform libraries, and reads no env or wall clock', () => {
    const offenders = sources(CORE).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`);
    });
    expect(offenders).toEqual([]);
  });

  it('finds the core sources it checks', () => {
    expect(sources(CORE).length).toBeGreaterThan(20);
  });
});
