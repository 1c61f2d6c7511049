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
