// Uploads left behind (never confirmed, or their import killed) are removed at the next start once they are old.
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepUploads, UPLOAD_MAX_AGE_MS } from './upload-sweep.js';

describe('sweepUploads', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('removes uploads older than a preview may wait, and keeps newer ones', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'maaltal-uploads-'));
    dirs.push(dir);
    const now = new Date('2026-03-01T12:00:00Z');
    const old = path.join(dir, 'a__gammel.csv');
    const fresh = path.join(dir, 'b__ny.csv');
    writeFileSync(old, 'x');
    writeFileSync(fresh, 'y');
    const before = new Date(now.getTime() - UPLOAD_MAX_AGE_MS - 1000);
    utimesSync(old, before, before);
    utimesSync(fresh, now, now);
    expect(await sweepUploads(dir, now)).toBe(1);
    expect(readdirSync(dir)).toEqual(['b__ny.csv']);
  });

  it('removes an upload that was still being received when the server stopped, however new', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'maaltal-uploads-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'c__halv.csv.part'), 'z');
    writeFileSync(path.join(dir, 'd__hel.csv'), 'w');
    expect(await sweepUploads(dir, new Date())).toBe(1);
    expect(readdirSync(dir)).toEqual(['d__hel.csv']);
  });

  it('finds nothing to do without an upload folder', async () => {
    expect(await sweepUploads(path.join(tmpdir(), 'maaltal-no-such-folder-x'), new Date())).toBe(0);
  });
});
