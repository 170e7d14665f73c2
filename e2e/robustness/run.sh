#!/usr/bin/env bash
# `npm run test:robustness:n8n`: the robustness suite against a real n8n (1,000 adversarial deliveries
# through n8n's webhook server, 50 activate/deactivate cycles, 3 restarts, a secret search over n8n's
# log). Same steps as e2e/run.sh (build, pack, install or reuse the pinned n8n), its own port and logs.
# ROBUSTNESS_TARGETS="2.40.7:24.21.0:5718" picks another n8n (default 2.8.4 on the system Node).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
TARGETS=${ROBUSTNESS_TARGETS:-"2.8.4:system:5708"}
LOG_DIR=$ROOT/build/robustness-logs
rm -rf "$LOG_DIR" && mkdir -p "$LOG_DIR/pkg"
npm run build --silent >"$LOG_DIR/build.log" 2>&1 || { cat "$LOG_DIR/build.log"; exit 1; }
npx tsc -p tsconfig.scripts.json
TGZ="$LOG_DIR/pkg/$(npm pack --silent --pack-destination "$LOG_DIR/pkg" | tail -1)"
status=0
for target in $TARGETS; do
	IFS=: read -r n8n_version node_version port <<<"$target"
	bash e2e/install-n8n.sh "$n8n_version" "$node_version" >"$LOG_DIR/install-$n8n_version.env" 2>"$LOG_DIR/install-$n8n_version.log" ||
		{ tail -40 "$LOG_DIR/install-$n8n_version.log"; exit 1; }
	# shellcheck disable=SC1090
	source "$LOG_DIR/install-$n8n_version.env" # N8N_BIN, NODE_BIN_DIR
	echo "== robustness on n8n $n8n_version, port $port (n8n log at debug level: $LOG_DIR/n8n-$n8n_version.log)"
	# Debug-level n8n log, so the secret search also covers what n8n and the nodes log at debug.
	if ! E2E_N8N_LOG_LEVEL=debug E2E_N8N_VERSION=$n8n_version E2E_N8N_BIN=$N8N_BIN E2E_NODE_BIN_DIR=$NODE_BIN_DIR \
		E2E_N8N_PORT=$port E2E_PACKAGE_TGZ=$TGZ E2E_LOG_DIR=$LOG_DIR \
		timeout 1800 node --test --test-reporter=spec build/e2e/robustness/n8n.robustness.js; then
		echo "== FAILED on n8n $n8n_version; the end of its log:"; tail -60 "$LOG_DIR/n8n-$n8n_version.log" || true
		status=1
	fi
done
exit $status
