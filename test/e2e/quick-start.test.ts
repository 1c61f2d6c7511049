// The README's quick start, as a newcomer runs it: `maaltal start` on an empty folder serves demo targets.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const MAIN = path.resolve('dist/cli/main.js');

let child: ChildProcess;
let dir: string;
let baseUrl: string;
let stderr = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'maaltal-start-'));
  child = spawn(process.execPath, [MAIN, 'start', '--port', '0'], {
    cwd: dir,
    env: { PATH: process.env.PATH, TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${stderr}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // It listens on this machine only, and says so.
      const match = /running on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${stderr}`)));
  });
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

it('migrates, seeds demo data into the embedded database and serves the target page', async () => {
  expect(stderr).toContain(
    'Applied 2026-11-26T0800-initial, 2026-11-26T1000-imports, 2026-11-26T1200-accident-aggregates, 2026-11-30T1000-disclosure-protection, 2026-12-03T0800-unmapped-industry-codes, 2026-12-03T0900-accident-case-unique, 2026-12-03T1000-accident-parents-guarded, 2026-12-03T1100-accident-base-cube, 2026-12-03T1200-accounts-and-audit, 2026-12-03T1300-bfa-work to var/maaltal.sqlite',
  );
  expect(stderr).toContain('Demo data (seed 2030): added');
  // One demo user per role, their passwords shown on this run only; the README's sign-in works with them.
  const users = [...stderr.matchAll(/^ {2}(\S+@demo\.maaltal\.dk) +(\w+) +(?:\w+ +)?(\S+)$/gm)];
  expect(users.map((match) => [match[1], match[2]])).toEqual([
    ['sekretariat@demo.maaltal.dk', 'admin'],
    ['datansvarlig@demo.maaltal.dk', 'steward'],
    ['bfa-voa@demo.maaltal.dk', 'bfa_editor'],
    ['bfa-ba@demo.maaltal.dk', 'bfa_editor'],
    ['laeser@demo.maaltal.dk', 'viewer'],
  ]);
  const login = await fetch(`${baseUrl}/redaktion/login`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ email: 'datansvarlig@demo.maaltal.dk', password: users[1]?.[3] ?? '' }),
  });
  expect(login.status).toBe(303);
  expect(login.headers.get('location')).toBe('/redaktion/import');
  const page = await fetch(`${baseUrl}/`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Mål og måltal');
  expect(html).toContain('Demodata – ikke officielle tal');
  const api = (await (await fetch(`${baseUrl}/api/v1/targets`)).json()) as { data: unknown[] };
  expect(api.data).toHaveLength(20);
  // The demo's shipped disclosure protection matches its accident figures: every year is published audited.
  expect(stderr).toContain('28 disclosureProtection');
  for (const convention of ['registration', 'accident']) {
    const rates = (await (
      await fetch(`${baseUrl}/api/v1/accidents/rates?convention=${convention}&groupBy=year`)
    ).json()) as { meta: { suppression: { audited: boolean } } };
    expect(rates.meta.suppression.audited, convention).toBe(true);
  }
});

it('stops cleanly on SIGTERM', async () => {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});
