import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { AppError } from './errors.js';

function configError(env: NodeJS.ProcessEnv, overrides = {}): AppError {
  try {
    loadConfig(env, overrides);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an invalid configuration');
}

describe('configuration', () => {
  it('defaults to an embedded SQLite file under var/, port 3000 and this machine only', () => {
    expect(loadConfig({})).toMatchObject({
      database: { dialect: 'sqlite', file: 'var/maaltal.sqlite' },
      port: 3000,
      host: '127.0.0.1',
    });
  });

  it('bounds the page cache in megabytes', () => {
    expect(loadConfig({}).pageCacheBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ MAALTAL_PAGE_CACHE_MB: '8' }).pageCacheBytes).toBe(8 * 1024 * 1024);
    expect(configError({ MAALTAL_PAGE_CACHE_MB: 'lots' }).issues[0]).toMatchObject({
      field: 'MAALTAL_PAGE_CACHE_MB',
    });
  });

  it('listens where HOST or --host says, and refuses an address that cannot be one', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }, { host: '::1' }).host).toBe('::1');
    expect(configError({ HOST: 'my host/x' }).issues[0]).toMatchObject({ field: 'HOST' });
    expect(configError({}, { host: 'a b' }).issues[0]).toMatchObject({ field: '--host' });
  });

  it('reads postgres:// URLs as PostgreSQL, sqlite: URLs and paths as SQLite', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:secret@db.example:5432/maaltal' }).database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u:secret@db.example:5432/maaltal',
      display: 'postgres://u:***@db.example:5432/maaltal',
    });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/data/m.sqlite' }).database).toEqual({
      dialect: 'sqlite',
      file: '/data/m.sqlite',
    });
    expect(loadConfig({ DATABASE_URL: './x.db' }, { database: 'other.db' }).database).toEqual({
      dialect: 'sqlite',
      file: 'other.db',
    });
  });

  it('lists every problem at once, naming each setting', () => {
    const error = configError({ DATABASE_URL: 'mysql://localhost/db', PORT: 'eighty' });
    expect(error.code).toBe('invalid_config');
    expect(error.issues.map((issue) => issue.field)).toEqual(['DATABASE_URL', 'PORT']);
    expect(error.oneLine()).toMatch(/DATABASE_URL: unsupported database URL scheme "mysql"/);
  });

  it('rejects a PostgreSQL URL without a database, and ports out of range, naming the flag used', () => {
    expect(configError({ DATABASE_URL: 'postgres://localhost' }).issues[0]).toMatchObject({
      field: 'DATABASE_URL',
      message: expect.stringContaining('names no database'),
    });
    expect(configError({}, { port: '70000' }).issues[0]).toMatchObject({ field: '--port' });
  });
});
