// Benchmark: the accident aggregates and statistics over 1,000,000 accident records in SQLite, against DuckDB
// (in memory) doing the equivalent work on the same records in the same run. Prints the rebuild and cube times,
// the latency of 1,000 random filter queries, the rollback of one batch, and peak RSS.
// Run: npx tsx bench/accidents.bench.ts [rows] [queries]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { type Insertable, sql } from 'kysely';
import {
  type LeafRow,
  readLeaves,
  rebuildAccidentAggregates,
  recomputeLeaves,
} from '../src/accidents/aggregates.repository.js';
import { AGE_BANDS, buildCube, SEVERITIES } from '../src/accidents/cube.js';
import { type AccidentFilters, parseFilters, type RawParameters } from '../src/accidents/query.js';
import { accidentRates } from '../src/accidents/rates.js';
import { type AccidentSettings, DEFAULT_ACCIDENT_SETTINGS } from '../src/accidents/settings.js';
import { type AccidentData, loadAccidentData } from '../src/accidents/statistics.js';
import { inTransaction } from '../src/db/connect.js';
import type { EmploymentTable } from '../src/db/schema.js';
import { seededRandom } from '../src/demo/random.js';
import { insertEmployment } from '../src/employment/employment.repository.js';
import { rollbackImport, runImport } from '../src/imports/imports.service.js';
import { loadLookups } from '../src/imports/lookups.js';
import { freshStore } from '../test/databases.js';
import { writeAccidentsCsv } from '../test/imports/generate-accidents.js';
import { seedStore } from '../test/seed.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const QUERIES = Number(process.argv[3] ?? 1_000);
const ROLLBACK_ROWS = 10_000;
const RUNS = 3;
const SETTINGS = DEFAULT_ACCIDENT_SETTINGS;
const actor = { user: 'bench', now: () => new Date('2026-01-01T00:00:00Z') };

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The p-quantile by the nearest-rank rule. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
}

async function medianOf(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work))[0]);
  return times;
}

const runsText = (times: number[]) => times.map((t) => (t / 1000).toFixed(2)).join(', ');

// ---------------------------------------------------------------------------------------------------------------
// DuckDB: the same records, with the columns the import derives computed in SQL the way the accidents kind does.

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The chemical flag exactly as aggregates.repository.ts writes it: a code, or a code followed by a space. */
function duckChemical(settings: AccidentSettings): string {
  const any = (column: string, codes: readonly string[]) =>
    codes.length === 0
      ? '0 = 1'
      : codes
          .map((code) => `(${column} = ${quote(code)} or ${column} like ${quote(`${code} %`)})`)
          .join(' or ');
  const { injuryTypes, contactModes, materialAgents } = settings.chemical;
  return `case when ${any('injury_type', injuryTypes)} or ${any('contact_mode', contactModes)}
    or ${any('material_agent', materialAgents)} then 1 else 0 end`;
}

const DUCK_SEVERITY = `case when fatal = 1 then 'fatal' else severity end`;

function duckLeafSelect(settings: AccidentSettings, convention: 'registration' | 'accident'): string {
  const year = convention === 'registration' ? 'registration_year' : 'accident_year';
  const where = convention === 'accident' ? 'where accident_year is not null' : '';
  return `select batch_id, '${convention}' as convention, ${year} as year, branch_group_id, age_band, sex,
      ${DUCK_SEVERITY} as severity, ${duckChemical(settings)} as chemical,
      count(*) as accidents, coalesce(sum(days_lost), 0) as days_lost, count(days_lost) as days_known
    from accident ${where}
    group by 1, 2, 3, 4, 5, 6, 7, 8`;
}

/**
 * Load the CSV the way the import does: industry codes mapped to branch groups (by Måltal's own look-up), age
 * bands, sex ('U' when missing), severity from the days lost (ESAW: 4 days or more is serious), fatal flag.
 */
async function loadDuck(
  connection: DuckDBConnection,
  csv: string,
  branchOfCode: Map<string, number>,
  branches: { id: number; code: string; mainGroup: string }[],
): Promise<void> {
  const source = `read_csv(${quote(csv)}, header = true, all_varchar = true)`;
  await connection.run(
    'create table branch_map (industry_code varchar primary key, branch_group_id integer not null)',
  );
  await connection.run(
    `insert into branch_map values ${[...branchOfCode].map(([code, id]) => `(${quote(code)}, ${id})`).join(', ')}`,
  );
  await connection.run('create table branch (id integer primary key, code varchar, main_group varchar)');
  await connection.run(
    `insert into branch values ${branches.map((b) => `(${b.id}, ${quote(b.code)}, ${quote(b.mainGroup)})`).join(', ')}`,
  );
  await connection.run(`create table accident as
    with raw as (
      select sagsnummer as case_id, cast(registreringsdato as date) as registration_date,
        cast(ulykkesdato as date) as accident_date, branchekode as industry_code,
        cast(alder as integer) as age, upper("køn") as sex, cast("fraværsdage" as integer) as days_lost,
        skadetype as injury_type, legemsdel as body_part, kontaktform as contact_mode,
        cast(null as varchar) as material_agent,
        case when lower("dødsulykke") in ('1', 'ja', 'j', 'yes', 'y', 'true', 'sand', 'x') then 1 else 0 end as fatal
      from ${source}
    )
    select 1 as batch_id, case_id, registration_date, year(registration_date) as registration_year,
      accident_date, year(accident_date) as accident_year, m.branch_group_id, raw.industry_code, age,
      case when age is null then 'unknown' when age < 25 then '15-24' when age >= 65 then '65+'
        else cast(((age - 25) // 10) * 10 + 25 as varchar) || '-' || cast(((age - 25) // 10) * 10 + 34 as varchar)
      end as age_band,
      coalesce(sex, 'U') as sex, days_lost,
      case when fatal = 1 then 'fatal' when days_lost is null then 'unknown' when days_lost >= 4 then 'serious'
        else 'minor' end as severity,
      injury_type, body_part, contact_mode, material_agent, fatal
    from raw join branch_map m on m.industry_code = raw.industry_code`);
  await connection.run(`create table accident_aggregate (batch_id integer, convention varchar, year integer,
    branch_group_id integer, age_band varchar, sex varchar, severity varchar, chemical integer,
    accidents bigint, days_lost bigint, days_known bigint)`);
}

async function duckRebuild(connection: DuckDBConnection): Promise<void> {
  await connection.run('begin transaction');
  await connection.run('delete from accident_aggregate');
  for (const convention of ['registration', 'accident'] as const)
    await connection.run(`insert into accident_aggregate ${duckLeafSelect(SETTINGS, convention)}`);
  await connection.run('commit');
}

async function duckLeaves(connection: DuckDBConnection): Promise<LeafRow[]> {
  const reader = await connection.runAndReadAll(`select convention, year, branch_group_id, age_band, sex,
      severity, chemical, sum(accidents), sum(days_lost), sum(days_known)
    from accident_aggregate group by all`);
  return reader.getRowsJS().map((row) => ({
    convention: String(row[0]),
    year: Number(row[1]),
    branchGroupId: Number(row[2]),
    mainGroup: null,
    ageBand: String(row[3]),
    sex: String(row[4]),
    severity: String(row[5]),
    chemical: Number(row[6]),
    accidents: Number(row[7]),
    daysLost: Number(row[8]),
    daysKnown: Number(row[9]),
  }));
}

/** Leaves as a sorted list of lines: equal lists mean equal aggregates. */
function leafLines(leaves: readonly LeafRow[]): string[] {
  return leaves
    .map(
      (l) =>
        `${l.convention}|${l.year}|${l.branchGroupId}|${l.ageBand}|${l.sex}|${l.severity}|${l.chemical}|${l.accidents}|${l.daysLost}|${l.daysKnown}`,
    )
    .sort();
}

const sameLeaves = (a: readonly LeafRow[], b: readonly LeafRow[]) =>
  JSON.stringify(leafLines(a)) === JSON.stringify(leafLines(b));

// ---------------------------------------------------------------------------------------------------------------
// Random filter queries (seeded), as query parameters, and their DuckDB equivalent.

const ANSWERED_BY = ['year', 'branch', 'mainGroup', 'ageBand', 'sex', 'severity'] as const;

function randomQueries(data: AccidentData, count: number, seed: number): RawParameters[] {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random.next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const chance = (p: number) => random.next() < p;
  const years = data.cubes.registration.years;
  const queries: RawParameters[] = [];
  for (let i = 0; i < count; i++) {
    const raw: RawParameters = {};
    if (chance(0.6)) {
      const a = pick(years);
      const b = pick(years);
      if (chance(0.8)) raw.from = [String(Math.min(a, b))];
      if (chance(0.8)) raw.to = [String(Math.max(a, b))];
    }
    const where = int(4);
    if (where === 1) raw.branch = [pick(data.branches).code];
    else if (where === 2) raw.branch = [`${pick(data.branches).code},${pick(data.branches).code}`];
    else if (where === 3) raw.mainGroup = [pick(data.mainGroups).code];
    if (chance(0.3)) raw.ageBand = [pick(AGE_BANDS)];
    if (chance(0.3)) raw.sex = [pick(['K', 'M'])];
    if (chance(0.25)) raw.severity = [pick(SEVERITIES)];
    else if (chance(0.2)) raw.fatal = [pick(['true', 'false'])];
    if (chance(0.3)) raw.convention = [pick(['registration', 'accident'])];
    const groupBy = ANSWERED_BY.filter(() => chance(0.3));
    if (groupBy.length > 0) raw.groupBy = [groupBy.join(',')];
    queries.push(raw);
  }
  return queries;
}

/** The same question as `SELECT … count(*) … WHERE … GROUP BY …` over the records. */
function duckQuery(data: AccidentData, filters: AccidentFilters): string {
  const convention =
    filters.convention ??
    (filters.fatal === true || filters.severity === 'fatal' ? 'accident' : 'registration');
  const year = convention === 'registration' ? 'a.registration_year' : 'a.accident_year';
  const severity = `case when a.fatal = 1 then 'fatal' else a.severity end`;
  const conditions: string[] = [];
  if (convention === 'accident') conditions.push('a.accident_year is not null');
  if (filters.from !== null) conditions.push(`${year} >= ${filters.from}`);
  if (filters.to !== null) conditions.push(`${year} <= ${filters.to}`);
  let branchIds: number[] | null = null;
  if (filters.branch.length > 0)
    branchIds = data.branches.filter((b) => filters.branch.includes(b.code)).map((b) => b.id);
  if (filters.mainGroup !== null) {
    const inGroup = data.branches.filter((b) => b.mainGroup === filters.mainGroup).map((b) => b.id);
    branchIds = branchIds === null ? inGroup : branchIds.filter((id) => inGroup.includes(id));
  }
  if (branchIds !== null)
    conditions.push(branchIds.length === 0 ? '0 = 1' : `a.branch_group_id in (${branchIds.join(', ')})`);
  if (filters.ageBand !== null) conditions.push(`a.age_band = ${quote(filters.ageBand)}`);
  if (filters.sex !== null) conditions.push(`a.sex = ${quote(filters.sex)}`);
  if (filters.severity !== null) conditions.push(`${severity} = ${quote(filters.severity)}`);
  else if (filters.fatal !== null) conditions.push(`${severity} ${filters.fatal ? '=' : '<>'} 'fatal'`);
  const column: Record<(typeof ANSWERED_BY)[number], string> = {
    year,
    branch: 'b.code',
    mainGroup: 'b.main_group',
    ageBand: 'a.age_band',
    sex: 'a.sex',
    severity,
  };
  const keys = filters.groupBy.map((name) => column[name as (typeof ANSWERED_BY)[number]]);
  const join = keys.some((key) => key.startsWith('b.')) ? 'join branch b on b.id = a.branch_group_id' : '';
  const where = conditions.length === 0 ? '' : `where ${conditions.join(' and ')}`;
  const group = keys.length === 0 ? '' : `group by ${keys.map((_, i) => i + 1).join(', ')}`;
  return `select ${[...keys, 'count(*)'].join(', ')} from accident a ${join} ${where} ${group}`;
}

/** Non-zero counts by their group keys, from Måltal's answer (unsuppressed) and from DuckDB's rows. */
function maaltalCounts(data: AccidentData, filters: AccidentFilters): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of accidentRates(data, filters, { unsuppressed: true }).rows) {
    if ((row.count ?? 0) === 0) continue;
    const key = filters.groupBy.map((name) => String(row[name as keyof typeof row])).join('|');
    counts.set(key, row.count as number);
  }
  return counts;
}

function duckCounts(rows: unknown[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const count = Number(row[row.length - 1]);
    if (count > 0) counts.set(row.slice(0, -1).map(String).join('|'), count);
  }
  return counts;
}

const sameCounts = (a: Map<string, number>, b: Map<string, number>) =>
  a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);

// ---------------------------------------------------------------------------------------------------------------

const store = await freshStore('sqlite');
const dir = path.dirname(store.setting);
try {
  const csv = path.join(dir, 'accidents.csv');
  const extra = path.join(dir, 'accidents-extra.csv');
  let [ms] = await timed(() => writeAccidentsCsv(csv, ROWS));
  console.log(`records: ${ROWS.toLocaleString('en')} accidents (CSV generated in ${seconds(ms)})`);
  // A second, smaller batch: another seed, and case numbers of its own (stored case numbers are refused).
  await writeAccidentsCsv(extra, ROLLBACK_ROWS, 7);
  writeFileSync(extra, readFileSync(extra, 'utf8').replace(/^U-/gm, 'R-'));

  // The store: reference data, employment for every branch group × year (totals and band × sex), the records.
  await seedStore(store.db);
  const groups = await store.db.selectFrom('branchGroup').select(['id']).orderBy('id').execute();
  const employment = seededRandom(2030);
  const employmentRows: Insertable<EmploymentTable>[] = [];
  for (const { id } of groups) {
    for (let year = 2012; year <= 2025; year++) {
      let total = 0;
      for (const ageBand of AGE_BANDS)
        for (const sex of ['K', 'M']) {
          const employed = Math.round(employment.between(1_000, 20_000));
          total += employed;
          employmentRows.push({
            branchGroupId: id,
            year,
            ageBand,
            sex,
            employed,
            source: 'bench',
            isDemo: 0,
          });
        }
      employmentRows.push({
        branchGroupId: id,
        year,
        ageBand: 'all',
        sex: 'all',
        employed: total,
        source: 'bench',
        isDemo: 0,
      });
    }
  }
  await inTransaction(store.db, (tx) => insertEmployment(tx, employmentRows));
  [ms] = await timed(() => runImport(store, csv, { kind: 'accidents' }, actor));
  console.log(
    `setup: SQLite store seeded, ${employmentRows.length.toLocaleString('en')} employment rows, import of the records ${seconds(ms)} (incl. aggregates of the batch)`,
  );

  // 1. Rebuild of every aggregate from the base cube, and the protected cubes built from them.
  const rebuildTimes = await medianOf(RUNS, () =>
    inTransaction(store.db, (tx) => rebuildAccidentAggregates(tx, SETTINGS)),
  );
  let data: AccidentData | undefined;
  const loadTimes = await medianOf(RUNS, async () => {
    data = await loadAccidentData(store.db, SETTINGS);
  });
  if (data === undefined) throw new Error('no accident data loaded');
  const loaded: AccidentData = data;
  const leaves = await readLeaves(store.db);
  const [readMs] = await timed(() => readLeaves(store.db));
  const branchRows = loaded.branches;
  const [cubeMs] = await timed(async () => {
    for (const convention of ['registration', 'accident'])
      buildCube(convention, leaves, branchRows, loaded.mainGroups, SETTINGS);
  });
  const rebuild = median(rebuildTimes);
  const load = median(loadTimes);
  const cubeCells = loaded.cubes.registration.counts.length;
  console.log('\n1. Aggregates rebuilt from the base cube (SQLite), median of 3');
  console.log(
    `   rebuildAccidentAggregates from the base cube (one transaction): ${seconds(rebuild)}  [runs: ${runsText(rebuildTimes)} s]`,
  );
  console.log(
    `   loadAccidentData (protected cubes in memory): ${seconds(load)}  [runs: ${runsText(loadTimes)} s]`,
  );
  console.log(
    `     of which readLeaves ${seconds(readMs)} (${leaves.length.toLocaleString('en')} leaf rows), buildCube × 2 incl. suppression ${seconds(cubeMs)} (${cubeCells.toLocaleString('en')} cells per cube)`,
  );
  console.log(`   rebuild + cubes: ${seconds(rebuild + load)}`);

  // 3 (Måltal half). Random filter queries on the loaded data; DuckDB answers the same ones below.
  // Queries an answer may not give (above the row budget) are refused at once, not timed: left out, and counted.
  const asked = randomQueries(loaded, QUERIES, 20_301);
  const queries = asked.filter((raw) => {
    try {
      accidentRates(loaded, parseFilters(raw));
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'too_large') return false;
      throw error;
    }
  });
  if (queries.length < asked.length)
    console.log(
      `   ${asked.length - queries.length} random queries left out: above the row budget of an answer`,
    );
  const filters = queries.map((raw) => parseFilters(raw));
  const maaltalTimes: number[] = [];
  let maaltalRows = 0;
  for (const raw of queries) {
    const started = performance.now();
    const answer = accidentRates(loaded, parseFilters(raw));
    maaltalTimes.push(performance.now() - started);
    maaltalRows += answer.rows.length;
  }
  const slowest = maaltalTimes.indexOf(Math.max(...maaltalTimes));

  // 4. Rollback of one batch.
  const second = await runImport(store, extra, { kind: 'accidents' }, actor);
  if (second.batchId === null) throw new Error('the second batch was not imported');
  const secondId = second.batchId;
  const [rollbackMs, rolledBack] = await timed(() => rollbackImport(store, secondId, actor, 'benchmark'));
  const [checkMs, [after, recomputed]] = await timed(() =>
    Promise.all([readLeaves(store.db), recomputeLeaves(store.db, SETTINGS)]),
  );
  const rollbackMatches = sameLeaves(after, recomputed);
  const maaltalPeak = peakMb();

  // 2. DuckDB: the same records, the equivalent GROUP BY.
  const lookups = await loadLookups(store.db);
  const codes = await sql<{ code: string }>`select distinct industry_code as code from accident`.execute(
    store.db,
  );
  const branchOfCode = new Map(
    codes.rows.map(({ code }) => [code, lookups.industryCode('DB07', code)?.branchGroupId as number]),
  );
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  const [duckLoadMs] = await timed(() => loadDuck(duck, csv, branchOfCode, branchRows));
  const duckRows = Number((await duck.runAndReadAll('select count(*) from accident')).getRowsJS()[0]?.[0]);
  const threads = (await duck.runAndReadAll("select current_setting('threads')")).getRowsJS()[0]?.[0];
  const duckTimes = await medianOf(RUNS, () => duckRebuild(duck));
  const duckMedian = median(duckTimes);
  const duckMatches = sameLeaves(await duckLeaves(duck), leaves);
  console.log(`\n2. The same records in DuckDB (in memory, ${threads} threads), median of 3`);
  console.log(
    `   load: read_csv + derived columns → table ${seconds(duckLoadMs)} (${duckRows.toLocaleString('en')} rows)`,
  );
  console.log(
    `   full GROUP BY → leaf aggregates, both conventions: ${seconds(duckMedian)}  [runs: ${runsText(duckTimes)} s]`,
  );
  console.log(`   DuckDB leaves equal Måltal's: ${duckMatches ? 'yes' : 'NO'}`);
  console.log(`   ratio, Måltal rebuild / DuckDB: ${(rebuild / duckMedian).toFixed(1)}×  (goal: within 3×)`);
  console.log(`   ratio, Måltal rebuild + cubes / DuckDB: ${((rebuild + load) / duckMedian).toFixed(1)}×`);

  // 3 (DuckDB half).
  const duckQueryTimes: number[] = [];
  let agreeing = 0;
  for (const filter of filters) {
    const text = duckQuery(loaded, filter);
    const started = performance.now();
    const result = await duck.runAndReadAll(text);
    const rows = result.getRowsJS();
    duckQueryTimes.push(performance.now() - started);
    if (sameCounts(maaltalCounts(loaded, filter), duckCounts(rows))) agreeing++;
  }
  const p95 = percentile(maaltalTimes, 0.95);
  console.log(`\n3. ${QUERIES.toLocaleString('en')} random filter queries (seeded)`);
  console.log(
    `   Måltal accidentRates on the loaded cubes: p50 ${millis(percentile(maaltalTimes, 0.5))}, p95 ${millis(p95)}, max ${millis(Math.max(...maaltalTimes))} (${maaltalRows.toLocaleString('en')} rows in all)`,
  );
  console.log(
    `   DuckDB SELECT … count(*) … GROUP BY over the records: p50 ${millis(percentile(duckQueryTimes, 0.5))}, p95 ${millis(percentile(duckQueryTimes, 0.95))}, max ${millis(Math.max(...duckQueryTimes))}`,
  );
  console.log(`   goal: p95 under 20 ms — ${p95 < 20 ? 'met' : 'missed'}`);
  const slowestText = Object.entries(queries[slowest] ?? {})
    .map(([name, values]) => `${name}=${values.join(',')}`)
    .join('&');
  console.log(
    `   slowest Måltal query: ${slowestText || '(no parameters)'} (query ${slowest + 1} of ${QUERIES}, ${millis(maaltalTimes[slowest] as number)})`,
  );
  console.log(`   counts agree with DuckDB (unsuppressed, non-zero cells): ${agreeing}/${filters.length}`);

  console.log('\n4. Rollback of one batch');
  console.log(
    `   rollbackImport of a ${ROLLBACK_ROWS.toLocaleString('en')}-record batch beside ${ROWS.toLocaleString('en')} records: ${seconds(rollbackMs)} (${rolledBack.removed.toLocaleString('en')} records removed)`,
  );
  console.log(
    `   aggregates match a full recomputation: ${rollbackMatches ? 'yes' : 'no'} (checked in ${seconds(checkMs)})`,
  );

  console.log('\n5. Peak RSS');
  console.log(
    `   after the Måltal phases (import, rebuilds, cubes, queries, rollback): ${maaltalPeak.toFixed(0)} MB`,
  );
  console.log(`   whole run, DuckDB included: ${peakMb().toFixed(0)} MB`);
  duck.closeSync();
  instance.closeSync();
} finally {
  await store.destroy();
}
