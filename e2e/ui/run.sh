#!/usr/bin/env bash
# `npm run test:ui [-- --update-readme-images]`: the editor check. Installs what it needs on a fresh
# machine (Debian's chromium when no Chromium or Chrome is there; n8n 2.8.4 into ~/.cache/n8n-e2e, shared
# with the e2e suite), builds and packs the package, then runs build/e2e/ui/editor.ui.js (node's test
# runner). Screenshots: build/ui-screenshots/; with --update-readme-images also docs/images/ (README).
# UI_CHROMIUM picks the browser, UI_N8N_PORT n8n's port (default 5718; n8n also uses the next one).
set -euo pipefail
cd "$(dirname "$0")/../.."
N8N_VERSION=2.8.4
LOG_DIR=build/ui-logs
rm -rf "$LOG_DIR" build/ui-screenshots && mkdir -p "$LOG_DIR/pkg"
README_IMAGES=0
for arg in "$@"; do
	case $arg in
	--update-readme-images) README_IMAGES=1 ;;
	*) echo "unknown option $arg (known: --update-readme-images)" >&2 && exit 2 ;;
	esac
done
t0=$SECONDS
say() { echo "== ui [$((SECONDS - t0))s] $*"; }

find_chromium() {
	local candidate
	for candidate in "${UI_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
		if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate" && return 0; fi
	done
	return 1
}
if ! CHROMIUM=$(find_chromium); then
	say "installing chromium from Debian's packages (apt-get)"
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get update -qq >"$LOG_DIR/apt.log" 2>&1
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >>"$LOG_DIR/apt.log" 2>&1 || {
		tail -20 "$LOG_DIR/apt.log"
		exit 1
	}
	CHROMIUM=$(find_chromium)
fi
say "browser: $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"

say "n8n $N8N_VERSION: install or reuse (log: $LOG_DIR/install.log)"
bash e2e/install-n8n.sh "$N8N_VERSION" system >"$LOG_DIR/install.env" 2>"$LOG_DIR/install.log" || {
	tail -30 "$LOG_DIR/install.log"
	exit 1
}
# shellcheck disable=SC1091
source "$LOG_DIR/install.env" # N8N_BIN, NODE_BIN_DIR

say "build, compile the check, pack"
npm run build --silent >"$LOG_DIR/build.log" 2>&1 || {
	cat "$LOG_DIR/build.log"
	exit 1
}
npx tsc -p tsconfig.scripts.json
TGZ="$PWD/$LOG_DIR/pkg/$(npm pack --silent --pack-destination "$LOG_DIR/pkg" | tail -1)"

say "the editor in headless Chromium (n8n log: build/ui/n8n.log)"
status=0
UI_CHROMIUM=$CHROMIUM UI_N8N_VERSION=$N8N_VERSION UI_N8N_BIN=$N8N_BIN UI_NODE_BIN_DIR=$NODE_BIN_DIR UI_PACKAGE_TGZ=$TGZ \
	UI_README_IMAGES=$README_IMAGES timeout 600 node --test --test-reporter=spec build/e2e/ui/editor.ui.js || status=$?
if [ $status -ne 0 ]; then
	echo "FAILED; screenshots in build/ui-screenshots/, the end of n8n's log:"
	tail -40 build/ui/n8n.log 2>/dev/null || true
fi
say "done (status $status)"
exit $status
