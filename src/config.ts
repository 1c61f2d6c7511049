// The only reader of the environment: builds and checks Måltal's configuration once, at start-up.
import path from 'node:path';
import { z } from 'zod';
import { AppError, type Issue } from './errors.js';
import { zodIssues } from './validation.js';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; display: string };

export interface Config {
  database: DatabaseConfig;
  port: number;
  /** The address the web server listens on (HOST, `--host`): 127.0.0.1 unless set, so nothing is exposed by default. */
  host: string;
  /** Who the CLI acts as in history records (MAALTAL_USER, else the login name). */
  user: string;
  /** Signed-in sessions: idle and absolute expiry, and whether the cookie is Secure (MAALTAL_PUBLIC_URL https). */
  sessions: SessionSettings;
  /** An API token the CLI acts with (MAALTAL_TOKEN); without one the CLI acts as the local operator. */
  cliToken: string | null;
  /** Where web uploads wait between preview and confirmation (MAALTAL_UPLOAD_DIR). */
  uploadDir: string;
  /** Bytes the page cache may keep (MAALTAL_PAGE_CACHE_MB, default 64). */
  pageCacheBytes: number;
  /** The site's public address (MAALTAL_PUBLIC_URL), for canonical links; null when unset. */
  publicUrl: string | null;
  /** The operator's contact e-mail shown on the contact page (MAALTAL_CONTACT_EMAIL); null when unset. */
  contactEmail: string | null;
}

const EMAIL_PATTERN = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

function contactEmail(env: NodeJS.ProcessEnv, issues: Issue[]): string | null {
  const email = env.MAALTAL_CONTACT_EMAIL?.trim() ?? '';
  if (email === '') return null;
  if (!EMAIL_PATTERN.test(email)) {
    issues.push({ field: 'MAALTAL_CONTACT_EMAIL', message: `"${email}" is not an e-mail address` });
  }
  return email;
}

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
  secureCookie: boolean;
}

/** Values given on the command line win over the environment. */
export interface ConfigOverrides {
  database?: string | undefined;
  port?: string | undefined;
  host?: string | undefined;
}

export const DEFAULT_SQLITE_FILE = path.join('var', 'maaltal.sqlite');
export const DEFAULT_HOST = '127.0.0.1';
/** An IPv4 or IPv6 address or a host name (letters, digits, dots, hyphens, colons). */
const HOST_PATTERN = /^[A-Za-z0-9.:-]{1,253}$/;

const portSchema = z.coerce
  .number({ message: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 (any free port) and 65535')
  .max(65535, 'must be between 0 (any free port) and 65535');

/** Read a database setting: a postgres:// URL, a sqlite: URL, or a file path. */
export function parseDatabaseSetting(value: string | undefined, field: string): DatabaseConfig | Issue {
  if (value === undefined || value.trim() === '') return { dialect: 'sqlite', file: DEFAULT_SQLITE_FILE };
  const raw = value.trim();
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { field, message: `"${redact(raw)}" is not a valid PostgreSQL URL` };
    }
    if (url.hostname === '') return { field, message: 'the PostgreSQL URL names no host' };
    if (url.pathname.replace(/^\//, '') === '')
      return { field, message: 'the PostgreSQL URL names no database' };
    return { dialect: 'postgres', url: raw, display: redact(raw) };
  }
  if (/^sqlite:/i.test(raw)) {
    const file = raw.replace(/^sqlite:(\/\/)?/i, '');
    if (file === '') return { field, message: 'the sqlite: URL names no file' };
    return { dialect: 'sqlite', file };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    return {
      field,
      message: `unsupported database URL scheme "${raw.split(':')[0]}": use postgres://…, sqlite:… or a file path`,
    };
  }
  return { dialect: 'sqlite', file: raw };
}

/** Hide the password of a database URL before it is shown anywhere. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@/]*@/, '$1:***@');
}

export function loadConfig(env: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}): Config {
  const issues: Issue[] = [];

  const databaseField = overrides.database === undefined ? 'DATABASE_URL' : '--database';
  const database = parseDatabaseSetting(overrides.database ?? env.DATABASE_URL, databaseField);
  if ('field' in database) issues.push(database);

  const portField = overrides.port === undefined ? 'PORT' : '--port';
  const port = portSchema.safeParse(overrides.port ?? env.PORT ?? '3000');
  if (!port.success) issues.push(...zodIssues(port.error).map((issue) => ({ ...issue, field: portField })));

  const hostField = overrides.host === undefined ? 'HOST' : '--host';
  const host = (overrides.host ?? env.HOST ?? '').trim() || DEFAULT_HOST;
  if (!HOST_PATTERN.test(host))
    issues.push({ field: hostField, message: `"${host}" is not an IP address or host name to listen on` });

  const cacheMb = (env.MAALTAL_PAGE_CACHE_MB ?? '64').trim();
  if (!/^\d{1,6}$/.test(cacheMb))
    issues.push({
      field: 'MAALTAL_PAGE_CACHE_MB',
      message: `"${cacheMb}" is not a whole number of megabytes`,
    });

  const sessions = sessionSettings(env, issues);
  const contact = contactEmail(env, issues);

  if (issues.length > 0 || 'field' in database || !port.success) {
    throw new AppError('invalid_config', 'Invalid configuration', issues);
  }
  const user = env.MAALTAL_USER?.trim() || env.USER?.trim() || env.LOGNAME?.trim() || 'maaltal';
  const uploadDir = env.MAALTAL_UPLOAD_DIR?.trim() || path.join('var', 'uploads');
  const pageCacheBytes = Number(cacheMb) * 1024 * 1024;
  const cliToken = env.MAALTAL_TOKEN?.trim() || null;
  const publicUrl = env.MAALTAL_PUBLIC_URL?.trim() || null;
  return {
    database,
    port: port.data,
    host,
    user,
    sessions,
    cliToken,
    uploadDir,
    pageCacheBytes,
    publicUrl,
    contactEmail: contact,
  };
}

function wholeSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number, issues: Issue[]) {
  const text = (env[name] ?? String(fallback)).trim();
  if (/^\d{1,6}$/.test(text) && Number(text) >= 1 && Number(text) <= max) return Number(text);
  issues.push({ field: name, message: `"${text}" is not a whole number between 1 and ${max}` });
  return fallback;
}

function sessionSettings(env: NodeJS.ProcessEnv, issues: Issue[]): SessionSettings {
  const publicUrl = env.MAALTAL_PUBLIC_URL?.trim() ?? '';
  if (publicUrl !== '' && !/^https?:\/\/[^/\s]+/i.test(publicUrl)) {
    issues.push({
      field: 'MAALTAL_PUBLIC_URL',
      message: `"${publicUrl}" is not an http:// or https:// address`,
    });
  }
  return {
    idleMinutes: wholeSetting(env, 'MAALTAL_SESSION_IDLE_MINUTES', 30, 24 * 60, issues),
    absoluteHours: wholeSetting(env, 'MAALTAL_SESSION_MAX_HOURS', 12, 24 * 30, issues),
    secureCookie: /^https:/i.test(publicUrl),
  };
}
