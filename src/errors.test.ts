// Expected errors from the drivers become catalogue errors: write contention is a conflict (HTTP 409, exit 75).
import { describe, expect, it } from 'vitest';
import { toAppError } from './errors.js';

describe('toAppError', () => {
  it('turns write contention on either database into a conflict that may be tried again', () => {
    for (const code of ['SQLITE_BUSY', '55P03', '40001', '40P01']) {
      const error = toAppError(Object.assign(new Error('database is locked'), { code }));
      expect(error?.code, code).toBe('conflict');
      expect(error?.exitCode, code).toBe(75);
      expect(error?.httpStatus, code).toBe(409);
    }
    expect(toAppError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }))).toBeUndefined();
  });

  it('names a full disk and a read-only database as such (HTTP 507, exit 74)', () => {
    const full = toAppError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    expect(full?.oneLine()).toContain('the disk is full');
    expect(full?.issues[0]?.messageDa).toBe('disken er fuld');
    expect([full?.httpStatus, full?.exitCode]).toEqual([507, 74]);
    const pgFull = toAppError(Object.assign(new Error('could not extend file'), { code: '53100' }));
    expect(pgFull?.code).toBe('storage');
    const readOnly = toAppError(
      Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }),
    );
    expect(readOnly?.issues[0]?.message).toBe('the database or its folder is read-only');
  });

  it('turns a database out of reach into "unavailable" (HTTP 503, exit 69)', () => {
    for (const error of [
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new Error('database "x" is not currently accepting connections'),
    ]) {
      const known = toAppError(error);
      expect(known?.code, error.message).toBe('unavailable');
      expect(known?.httpStatus).toBe(503);
      expect(known?.exitCode).toBe(69);
    }
  });
});
