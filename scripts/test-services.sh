#!/usr/bin/env bash
# Prints a PostgreSQL URL for the storage tests, starting Debian's PostgreSQL when this machine allows it,
# and installs redis-server for the shared rate-limit test. Prints nothing (and those tests skip with their
# reason) where it cannot.
set -u
if [ -n "${BOTLENS_TEST_DATABASE_URL:-}" ]; then echo "$BOTLENS_TEST_DATABASE_URL"; exit 0; fi
[ "$(id -u)" = 0 ] || { echo "test-services: not root; PostgreSQL tests will skip" >&2; exit 0; }
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v redis-server >/dev/null; then
  echo "test-services: installing Debian's postgresql and redis-server" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server; } \
    >/dev/null 2>&1 || { echo "test-services: could not install them; those tests will skip" >&2; exit 0; }
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_lsclusters -h 2>/dev/null | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null 2>&1
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do su postgres -c "pg_isready -q" && break; sleep 0.5; done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='botlens'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE botlens LOGIN PASSWORD 'botlens'\"" >/dev/null
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='botlens_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O botlens botlens_test" >/dev/null
echo "postgresql+psycopg://botlens:botlens@127.0.0.1:5432/botlens_test"
