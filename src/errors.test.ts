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
});
