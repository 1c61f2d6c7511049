#!/usr/bin/env bash
# Makes sure what the test suite needs outside npm is there: PostgreSQL running, Debian's Chromium installed.
set -euo pipefail

pg_host=127.0.0.1
pg_port=5432

if ! pg_isready -h "$pg_host" -p "$pg_port" -q 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "test-environment: starting PostgreSQL" >&2
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
  for _ in $(seq 1 30); do
    pg_isready -h "$pg_host" -p "$pg_port" -q 2>/dev/null && break
    sleep 1
  done
  if ! pg_isready -h "$pg_host" -p "$pg_port" -q 2>/dev/null; then
    echo "test-environment: PostgreSQL is not reachable at $pg_host:$pg_port (set TEST_DATABASE_URL to another server)" >&2
    exit 1
  fi
fi

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test-environment: installing Debian's chromium for the browser tests" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test-environment: Chromium is missing at $chromium: install Debian's chromium package (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi
