// Test runner settings: every suite (unit, SQLite, PostgreSQL, browser) runs in one `vitest run`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // No secret in logs: every test file's output is captured (capture.ts) and, at the end of the run, searched for
    // the passwords, session ids, CSRF tokens and API tokens the test helpers registered (global.ts).
    globalSetup: ['test/secrets/global.ts'],
    setupFiles: ['test/secrets/capture.ts'],
  },
});
