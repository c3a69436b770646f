#!/usr/bin/env bash
# npm test — every layer: schema drift, types, lint, unit, integration on SQLite and PostgreSQL,
# and Playwright end-to-end in Chromium. Runs them all, then prints one summary.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
rm -f reports/*.json

failed=()
step() {
  local name=$1; shift
  printf '\n\033[1m▶ %s\033[0m\n' "$name"
  if ! "$@"; then failed+=("$name"); fi
}

step "Database schema in step" npm run --silent db:check
step "Type check" npx tsc --noEmit
step "Lint" npx eslint --max-warnings 0 .
step "Unit tests" npx vitest run --project unit --outputFile.json=reports/unit.json
step "Integration tests (SQLite)" npx vitest run --project integration-sqlite --outputFile.json=reports/integration-sqlite.json

# PostgreSQL: TEST_POSTGRES_URL, or this machine's default server. Skipped, visibly, when none answers
# and none was asked for; a failure when TEST_POSTGRES_URL names one that does not answer.
pg_url=${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
if node -e "const c=new (require('pg').Client)({connectionString:process.argv[1],connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).catch(()=>process.exit(1))" "$pg_url"; then
  export TEST_POSTGRES_URL=$pg_url
  step "Integration tests (PostgreSQL)" npx vitest run --project integration-postgres --outputFile.json=reports/integration-postgres.json
elif [ -n "${TEST_POSTGRES_URL:-}" ]; then
  printf '\n✖ TEST_POSTGRES_URL is set but no PostgreSQL server answers at %s\n' "$pg_url"
  failed+=("Integration tests (PostgreSQL): server unreachable")
else
  printf '\n\033[33m⚠ SKIPPED: integration tests on PostgreSQL — no server at %s.\n  Start one, or set TEST_POSTGRES_URL, to run them.\033[0m\n' "$pg_url"
  echo '{"skippedLayer":"PostgreSQL: no server reachable"}' > reports/integration-postgres.json
fi

# Chromium for Playwright: Debian's package (see ../shared/STACK.md).
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the end-to-end tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    printf '\n✖ Chromium is missing. Install it with:\n    sudo apt-get update && sudo apt-get install -y chromium\n  or set CHROMIUM_PATH to a Chromium binary.\n'
    failed+=("End-to-end tests: Chromium missing")
  fi
fi
if [ -x "$chromium" ]; then
  step "End-to-end tests (Playwright, Chromium)" npx playwright test
fi

npx tsx scripts/test-summary.ts
if [ ${#failed[@]} -gt 0 ]; then
  printf '\n\033[31mFailed: %s\033[0m\n' "$(IFS=';'; echo "${failed[*]}")"
  exit 1
fi
