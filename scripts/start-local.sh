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

echo "== n8n $N8N_VERSION: install or reuse (the first time this downloads n8n into ~/.cache/n8n-e2e: about 7 minutes on 2 cores)"
bash e2e/install-n8n.sh "$N8N_VERSION" system >.n8n-local/install.env 2>.n8n-local/install.log || {
	tail -30 .n8n-local/install.log
	exit 1
}
# shellcheck disable=SC1091
source .n8n-local/install.env # N8N_BIN, NODE_BIN_DIR

echo "== build the package and the local tools"
npm run build --silent >.n8n-local/build.log 2>&1 || {
	cat .n8n-local/build.log
	exit 1
}
npx tsc -p tsconfig.scripts.json
TGZ=""
if [ "$MODE" = start ]; then
	rm -f .n8n-local/pkg/*.tgz
	TGZ="$PWD/.n8n-local/pkg/$(npm pack --silent --pack-destination .n8n-local/pkg | tail -1)"
fi

LOCAL_MODE=$MODE LOCAL_N8N_VERSION=$N8N_VERSION LOCAL_N8N_BIN=$N8N_BIN LOCAL_NODE_BIN_DIR=$NODE_BIN_DIR LOCAL_PACKAGE_TGZ=$TGZ \
	exec node build/scripts/startLocal.js
