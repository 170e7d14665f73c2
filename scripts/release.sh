#!/usr/bin/env bash
# `npm run release`. In GitHub Actions (publish.yml, on a version tag) this is `n8n-node release`: it
# runs lint and build, then `npm publish` with a provenance statement, which n8n requires of every
# community node since 1 May 2026 and which only a CI publish can carry.
#
# Anywhere else it stops. `n8n-node release` would run release-it (not installed here), and its
# release-it setup regenerates CHANGELOG.md from commit messages, while ours is written by hand.
# Releasing is four commands instead: CONTRIBUTING.md → Releasing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${GITHUB_ACTIONS:-}" ]; then
	exec n8n-node release
fi

cat >&2 <<'MSG'
npm run release publishes from GitHub Actions only: n8n needs the npm provenance that a CI publish carries.

To release version X.Y.Z (details: CONTRIBUTING.md → Releasing):
  1. npm version X.Y.Z --no-git-tag-version
  2. in CHANGELOG.md, move the Unreleased entries under "## [X.Y.Z] - YYYY-MM-DD"
  3. npm run release:check && git commit -m "Release X.Y.Z" -- package.json package-lock.json CHANGELOG.md
  4. git tag X.Y.Z && git push origin HEAD X.Y.Z      (.github/workflows/publish.yml publishes it)
MSG
exit 1
