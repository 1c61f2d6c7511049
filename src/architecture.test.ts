// ARCHITECTURE.md's rules, enforced: no import cycles, stats/ imports nothing of ours and no I/O, the database
// drivers only in db/ (dependency-cruiser over the compiled modules, which mirror src/), and SQL only in
// repositories and db/ (the query builder's calls and `sql` tags, found in the sources).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type IReporterOutput } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const rules = require('../.dependency-cruiser.cjs');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : /\.tsx?$/.test(name) ? [file] : [];
  });
}

const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql(`|<)/;

describe('architecture', () => {
  it('has no import cycles, a pure stats/ and the database drivers only in db/', async () => {
    expect(existsSync('dist/cli/main.js'), 'run `npm run build` first (npm test does)').toBe(true);
    const result: IReporterOutput = await cruise(['dist'], {
      ...rules.options,
      validate: true,
      ruleSet: { forbidden: rules.forbidden },
    });
    const output = result.output as {
      summary: { violations: { rule: { name: string }; from: string; to: string }[] };
    };
    const violations = output.summary.violations.map(
      (v) => `${v.rule.name}: ${v.from.replace(/^dist/, 'src')} → ${v.to.replace(/^dist/, 'src')}`,
    );
    expect(violations).toEqual([]);
  }, 60_000);

  it('keeps SQLite/PostgreSQL branches in db/ (and the configuration that names the dialect)', () => {
    const offenders = sourceFiles('src').filter(
      (file) =>
        !/\.test\.tsx?$/.test(file) &&
        !file.startsWith(path.join('src', 'db')) &&
        file !== path.join('src', 'config.ts') &&
        /\bdialect\s*[!=]==|[!=]==\s*'(sqlite|postgres)'/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps SQL in repositories and db/', () => {
    const offenders = sourceFiles('src').filter(
      (file) =>
        !/\.test\.tsx?$/.test(file) &&
        !file.endsWith('.repository.ts') &&
        !file.startsWith(path.join('src', 'db')) &&
        QUERY.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
