#!/usr/bin/env bash
# `npm run test:queue`: the packed package in n8n queue mode — Postgres and Redis (e2e/queue/services.sh,
# installed from Debian packages when missing), then n8n main, one worker and two webhook processors
# from the cached n8n install (e2e/install-n8n.sh), running build/e2e/queue/queue.e2e.js.
# QUEUE_TARGET="<n8n version>:<node version or 'system'>:<first port>" (default 2.8.4:system:5760);
# n8n uses the port and the next nine (main, worker health, two webhook processors, a second worker, each
# + broker).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
TARGET=${QUEUE_TARGET:-"2.8.4:system:5760"}
IFS=: read -r N8N_VERSION NODE_VERSION PORT <<<"$TARGET"
LOG_DIR=$ROOT/build/queue-logs
rm -rf "$LOG_DIR" && mkdir -p "$LOG_DIR/pkg"
t0=$(date +%s)
say() { echo "== queue [$(($(date +%s) - t0))s] $*"; }

SERVICES=$(mktemp -d "${TMPDIR:-/tmp}/iclosed-queue.XXXXXX")
cleanup() { bash e2e/queue/services.sh stop "$SERVICES" || true; }
trap cleanup EXIT

say "n8n $N8N_VERSION (node $NODE_VERSION): install or reuse (build/queue-logs/install.log)"
bash e2e/install-n8n.sh "$N8N_VERSION" "$NODE_VERSION" >"$LOG_DIR/install.env" 2>"$LOG_DIR/install.log" &
install_job=$!

say "postgres and redis (build/queue-logs/services.log)"
bash e2e/queue/services.sh start "$SERVICES" >"$LOG_DIR/services.env" 2>"$LOG_DIR/services.log" ||
	{ cat "$LOG_DIR/services.log"; exit 1; }

say "build, compile the suite, pack"
npm run build --silent >"$LOG_DIR/build.log" 2>&1 || { cat "$LOG_DIR/build.log"; exit 1; }
npx tsc -p tsconfig.scripts.json
TGZ=$LOG_DIR/pkg/$(npm pack --silent --pack-destination "$LOG_DIR/pkg" | tail -1)

wait "$install_job" || { echo "FAILED to install n8n $N8N_VERSION:"; tail -40 "$LOG_DIR/install.log"; exit 1; }
# shellcheck disable=SC1091
source "$LOG_DIR/install.env"  # N8N_BIN, NODE_BIN_DIR
# shellcheck disable=SC1091
source "$LOG_DIR/services.env" # PSQL, QUEUE_PG_PORT, QUEUE_REDIS_PORT
export QUEUE_PG_PORT QUEUE_REDIS_PORT
say "suite on n8n $N8N_VERSION in queue mode (node $("$NODE_BIN_DIR/node" --version)), ports $PORT-$((PORT + 9))"
status=0
E2E_N8N_VERSION=$N8N_VERSION E2E_N8N_BIN=$N8N_BIN E2E_NODE_BIN_DIR=$NODE_BIN_DIR E2E_N8N_PORT=$PORT \
	E2E_PACKAGE_TGZ=$TGZ E2E_LOG_DIR=$LOG_DIR QUEUE_PSQL=$PSQL \
	timeout 900 node --test --test-reporter=spec build/e2e/queue/queue.e2e.js || status=1
if [ $status -ne 0 ]; then
	for f in "$LOG_DIR"/queue-*.log; do echo "--- end of $(basename "$f")"; tail -30 "$f"; done
fi
say "done (status $status)"
exit $status
