#!/usr/bin/env bash
# `npm run scan`: the lint passes of n8n's verification scanner, run here before a release.
#
# `npx @n8n/scan-community-package n8n-nodes-iclosed` (what n8n runs on a verification candidate) first
# needs npm provenance and the public GitHub source, so it only works on a published version. Its
# checks after that are two ESLint passes with its own config (allowInlineConfig: false, so
# eslint-disable comments count for nothing):
#   1. the source: package.json and {nodes,credentials}/**/*.{js,ts,json};
#   2. the packed tarball: **/*.js and package.json (what a build step emitted into dist/).
# This script runs both with the scanner's own code and dependencies (its exported analyzePackage),
# on this working tree and on `npm pack` of it, plus one check the scanner leaves out (see
# scan-package.mjs). The scanner is installed once into a cache folder outside the repo.
#
#   npm run scan                 build, pack and scan
#   npm run scan -- --no-build   scan the dist/ already built (CI builds just before)
set -euo pipefail
cd "$(dirname "$0")/.."

SCANNER_VERSION=0.32.0
TOOLS_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-iclosed-tools/scan-community-package-$SCANNER_VERSION"
SCANNER="$TOOLS_DIR/node_modules/@n8n/scan-community-package/scanner/scanner.mjs"

BUILD=1
for arg in "$@"; do
	case "$arg" in
	--no-build) BUILD=0 ;;
	*) echo "unknown option: $arg (usage: npm run scan [-- --no-build])" >&2; exit 2 ;;
	esac
done

if [ ! -f "$SCANNER" ]; then
	echo "== installing @n8n/scan-community-package@$SCANNER_VERSION into $TOOLS_DIR (once)"
	mkdir -p "$TOOLS_DIR"
	# --ignore-scripts: eslint-plugin-n8n-nodes-base's preinstall insists on pnpm; nothing here needs a script.
	(cd "$TOOLS_DIR" && npm install --prefix "$TOOLS_DIR" --ignore-scripts --no-audit --no-fund --loglevel=error \
		"@n8n/scan-community-package@$SCANNER_VERSION" >/dev/null)
fi

if [ "$BUILD" = 1 ]; then
	echo "== build"
	npm run build --silent
fi
test -f dist/nodes/IClosed/IClosed.node.js || { echo "dist/ is missing: run without --no-build" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== pack"
tarball=$(npm pack --silent --pack-destination "$work" | tail -1)
mkdir "$work/package"
tar -xzf "$work/$tarball" -C "$work/package" --strip-components=1

echo "== scan (the scanner's lint passes, @n8n/scan-community-package@$SCANNER_VERSION)"
node scripts/scan-package.mjs "$SCANNER" "$PWD" "$work/package"
