#!/usr/bin/env bash
# `npm pack` must ship only dist/, README, LICENSE and package.json (issue: Foundation, "Done when").
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(npm pack --dry-run --json 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const f of JSON.parse(s)[0].files)console.log(f.path)})')
bad=$(printf '%s\n' "$files" | grep -vE '^(dist/|README\.md$|LICENSE(\.md)?$|package\.json$)' || true)
if [ -n "$bad" ]; then echo "unexpected files in the package:"; echo "$bad"; exit 1; fi
printf '%s\n' "$files" | grep -q '^dist/nodes/IClosed/IClosed.node.js$'
printf '%s\n' "$files" | grep -q '^dist/credentials/IClosedApi.credentials.js$'
echo "package contents OK ($(printf '%s\n' "$files" | wc -l) files)"
