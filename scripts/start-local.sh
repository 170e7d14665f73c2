#!/usr/bin/env bash
# `npm start` (and `npm run dev` with --dev): build this package, install (or reuse) n8n 2.8.4 — the
# newest n8n that runs on Node 20, the one CI tests first — and hand over to build/scripts/startLocal.js,
# which starts the iClosed sandbox and n8n with everything ready. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=start
[ "${1:-}" = "--dev" ] && MODE=dev
N8N_VERSION=2.8.4
mkdir -p .n8n-local/pkg

N8N_DIR=${N8N_E2E_CACHE:-$HOME/.cache/n8n-e2e}/n8n-$N8N_VERSION
T0=$SECONDS
elapsed() { local s=$((SECONDS - T0)); if ((s >= 60)); then echo "$((s / 60)) min $((s % 60)) s"; else echo "$s s"; fi; }

# Runs a step in the background and prints a line at least every 20 s (what it is doing, the time since
# `npm start` began), so a first run, which installs n8n for several minutes, never looks stuck.
with_progress() { # <function printing the current activity> <command...>
	local note=$1 last=$SECONDS pid
	shift
	"$@" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		if ((SECONDS - last >= 20)); then
			last=$SECONDS
			echo "   … $($note) [$(elapsed)]"
		fi
	done
	wait "$pid"
}
install_n8n() { bash e2e/install-n8n.sh "$N8N_VERSION" system >.n8n-local/install.env 2>.n8n-local/install.log; }
install_note() { # the newest step install-n8n.sh logged, and how far npm got
	local step packages=""
	step=$(grep '^\[install-n8n\]' .n8n-local/install.log 2>/dev/null | tail -1 | sed 's/^\[install-n8n\] //')
	[ -d "$N8N_DIR/node_modules" ] && packages=", $(find "$N8N_DIR/node_modules" -mindepth 1 -maxdepth 2 -name package.json 2>/dev/null | wc -l) packages unpacked so far"
	echo "${step:-checking the n8n install}$packages"
}
build_package() { npm run build --silent >.n8n-local/build.log 2>&1 && npx tsc -p tsconfig.scripts.json >>.n8n-local/build.log 2>&1; }
build_note() { echo "building the package and the local tools"; }

echo "== n8n $N8N_VERSION: install or reuse. The first run installs n8n into ~/.cache/n8n-e2e (about 7 minutes"
echo "   on 2 cores); a line every 20 s shows how far it got, the full log is .n8n-local/install.log"
with_progress install_note install_n8n || {
	tail -30 .n8n-local/install.log
	exit 1
}
# shellcheck disable=SC1091
source .n8n-local/install.env # N8N_BIN, NODE_BIN_DIR
echo "   n8n $N8N_VERSION ready [$(elapsed)]"

echo "== build the package and the local tools (log: .n8n-local/build.log)"
with_progress build_note build_package || {
	cat .n8n-local/build.log
	exit 1
}
TGZ=""
if [ "$MODE" = start ]; then
	rm -f .n8n-local/pkg/*.tgz
	TGZ="$PWD/.n8n-local/pkg/$(npm pack --silent --pack-destination .n8n-local/pkg | tail -1)"
fi

LOCAL_MODE=$MODE LOCAL_N8N_VERSION=$N8N_VERSION LOCAL_N8N_BIN=$N8N_BIN LOCAL_NODE_BIN_DIR=$NODE_BIN_DIR LOCAL_PACKAGE_TGZ=$TGZ \
	exec node build/scripts/startLocal.js
