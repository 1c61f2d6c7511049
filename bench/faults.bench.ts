// Benchmark under faults: Måltal (built, on PostgreSQL, in its own process) serves a mixed public load for a
// bounded time while the PostgreSQL cluster on this machine is restarted several times. Prints how every request
// was answered, whether the process stayed up, and how long full service took to come back after each restart.
// Goals (#11): the process never exits; every answer is 200 or a clean 503 with Retry-After; full service within
// 5 s of each restart. Loopback only. Restarts the local cluster: run it on a development machine, not in CI.
// Run: npm run build && npx tsx bench/faults.bench.ts [seconds] [restarts]
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import pg from 'pg';

const SECONDS = Number(process.argv[2] ?? 30);
const RESTARTS = Number(process.argv[3] ?? 5);
const WORKERS = 8;
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PATHS = [
  '/',
  '/api/v1/targets',
  '/maaltal/1',
  '/api/v1/goals',
  '/readyz',
  '/api/v1/accidents/rates?groupBy=year&from=2020&to=2021',
];
const NAME = `maaltal_faults_${process.pid}`;
const url = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${NAME}`;
  return u.toString();
})();

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(query);
  await client.end();
}

const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['dist/cli/main.js', ...args, '--database', url], { stdio: 'ignore' });

function serve(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['dist/cli/main.js', 'serve', '--port', '0', '--database', url], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /running on (http:\/\/[\d.]+:\d+)/.exec(stderr);
      if (match?.[1] !== undefined) resolve({ child, base: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const cluster = readdirSync('/etc/postgresql')[0] as string;
  await admin(`create database ${NAME}`);
  cli('migrate');
  cli('seed', '--demo', '--accident-scale', '0.01');
  const { child, base } = await serve();
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  const statuses = new Map<string, number>();
  const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
  let stop = false;
  const worker = async (offset: number) => {
    for (let i = offset; !stop; i++) {
      try {
        const response = await fetch(`${base}${PATHS[i % PATHS.length]}`);
        await response.arrayBuffer();
        const clean =
          response.status === 200 || (response.status === 503 && response.headers.has('retry-after'));
        count(clean ? String(response.status) : `unclean ${response.status}`);
      } catch {
        count('no answer');
        await sleep(50);
      }
    }
  };
  const started = Date.now();
  const workers = Array.from({ length: WORKERS }, (_, i) => worker(i));
  const recoveries: number[] = [];
  const restartSeconds: number[] = [];
  for (let r = 0; r < RESTARTS; r++) {
    await sleep((SECONDS * 1000) / (RESTARTS + 1) - 1000);
    // Asynchronously, so the load goes on while the cluster stops and starts.
    const restarting = Date.now();
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'restart']);
    const back = Date.now();
    restartSeconds.push((back - restarting) / 1000);
    let ready = false;
    while (!ready && Date.now() - back < 30_000) {
      ready = await fetch(`${base}/readyz`)
        .then((response) => response.status === 200)
        .catch(() => false);
      if (!ready) await sleep(50);
    }
    recoveries.push((Date.now() - back) / 1000);
  }
  await sleep(Math.max(0, started + SECONDS * 1000 - Date.now()));
  stop = true;
  await Promise.all(workers);
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  console.log(`${total} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, ${RESTARTS} restarts`);
  for (const [status, n] of [...statuses].sort()) console.log(`  ${status}: ${n}`);
  console.log(`process still running: ${exited === null ? 'yes' : `no (exit ${exited})`}`);
  console.log(`each restart took: ${restartSeconds.map((s) => `${s.toFixed(2)} s`).join(', ')}`);
  console.log(
    `full service back after each restart: ${recoveries.map((s) => `${s.toFixed(2)} s`).join(', ')}`,
  );
  child.kill('SIGTERM');
  await sleep(500);
  await admin(`drop database if exists ${NAME} with (force)`);
}

await main();
