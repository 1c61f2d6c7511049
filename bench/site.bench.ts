// Benchmark: the public site under load. Måltal (built, with the demo data, in its own process) serves the
// overview, a target page and an accident-explorer query; a bare node:http server in another process returns the
// same bytes for the same paths; autocannon loads each in turn from this process and the figures are printed
// side by side. Goals: at least half the bare server's throughput, p99 under 50 ms.
// Run: npm run build && npx tsx bench/site.bench.ts [seconds per run]
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = 10;
const PAGES = [
  { name: 'overview', path: '/' },
  { name: 'target page', path: '/maaltal/2' },
  { name: 'explorer query', path: '/ulykker?groupBy=branch&from=2020&to=2025&sex=K' },
];

if (!existsSync('dist/cli/main.js')) throw new Error('Run `npm run build` first');
const dir = mkdtempSync(path.join(tmpdir(), 'maaltal-site-bench-'));
const children: ChildProcess[] = [];

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function load(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

try {
  const started = performance.now();
  start(process.execPath, ['dist/cli/main.js', 'start'], {
    DATABASE_URL: path.join(dir, 'maaltal.sqlite'),
    PORT: '3971',
    MAALTAL_USER: 'bench',
  });
  const site = 'http://127.0.0.1:3971';
  await waitFor(`${site}/healthz`);
  console.log(`Måltal started with the demo data in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The bare server answers every path with the exact bytes Måltal served for it.
  const bodies: Record<string, { file: string; type: string }> = {};
  for (const [i, page] of PAGES.entries()) {
    const response = await fetch(`${site}${page.path}`);
    const file = path.join(dir, `page-${i}.html`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    bodies[page.path] = { file, type: response.headers.get('content-type') ?? 'text/html' };
  }
  const bareScript = `
    const http = require('node:http'); const fs = require('node:fs');
    const pages = ${JSON.stringify(bodies)};
    const loaded = Object.fromEntries(Object.entries(pages).map(([p, v]) => [p, { body: fs.readFileSync(v.file), type: v.type }]));
    http.createServer((req, res) => { const page = loaded[req.url];
      if (!page) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'content-type': page.type, 'content-length': page.body.length }); res.end(page.body);
    }).listen(3972, '127.0.0.1');`;
  start(process.execPath, ['-e', bareScript], {});
  const bare = 'http://127.0.0.1:3972';
  await waitFor(`${bare}/`);

  console.log(
    `${CONNECTIONS} connections, ${SECONDS} s per run; this 2-core machine runs client and servers together\n`,
  );
  console.log('page              server    req/s     p50 ms  p99 ms  errors');
  for (const page of PAGES) {
    const ours = await load(`${site}${page.path}`);
    const theirs = await load(`${bare}${page.path}`);
    const line = (name: string, r: typeof ours) =>
      `${page.name.padEnd(17)} ${name.padEnd(8)} ${r.rps.toFixed(0).padStart(7)}  ${String(r.p50).padStart(6)}  ${String(r.p99).padStart(6)}  ${r.errors}`;
    console.log(line('Måltal', ours));
    console.log(line('bare', theirs));
    const ratio = ours.rps / theirs.rps;
    console.log(
      `${''.padEnd(17)} ratio ${(ratio * 100).toFixed(0)} % of bare throughput (goal ≥ 50 %: ${ratio >= 0.5 ? 'met' : 'missed'}); p99 ${ours.p99} ms (goal < 50 ms: ${ours.p99 < 50 ? 'met' : 'missed'})\n`,
    );
  }
} finally {
  for (const child of children) child.kill();
  rmSync(dir, { recursive: true, force: true });
}
