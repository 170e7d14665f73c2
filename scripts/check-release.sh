#!/usr/bin/env bash
# `npm run release:check [-- <tag>]`: is this version ready to publish? publish.yml runs it on the pushed
# tag before anything is published; run it yourself before you push a tag.
#   - the tag (0.2.0 or v0.2.0), when given, names the version in package.json;
#   - CHANGELOG.md has a "## [<version>] - YYYY-MM-DD" section (kept by hand, see CONTRIBUTING.md);
#   - package-lock.json carries the same version.
# In GitHub Actions a prerelease version (1.2.0-rc.1) sets NPM_CONFIG_TAG=next for the publish step,
# so that `npm install n8n-nodes-iclosed` keeps getting the latest stable version.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(node -p 'require("./package.json").version')
lock_version=$(node -p 'require("./package-lock.json").version')
fail() { echo "release check: $*" >&2; exit 1; }

if [ $# -gt 0 ] && [ -n "$1" ]; then
	tag=$1
	[ "${tag#v}" = "$version" ] || fail "tag $tag does not match package.json version $version"
fi
[ "$lock_version" = "$version" ] || fail "package-lock.json says $lock_version, package.json $version (run npm version $version --no-git-tag-version)"

escaped=$(printf '%s' "$version" | sed 's/[.]/\\./g')
grep -Eq "^## \[$escaped\] - [0-9]{4}-[0-9]{2}-[0-9]{2}\$" CHANGELOG.md ||
	fail "CHANGELOG.md has no \"## [$version] - YYYY-MM-DD\" section: move the Unreleased entries under it"

case "$version" in
*-*)
	dist_tag=next
	;;
*)
	dist_tag=latest
	;;
esac
if [ -n "${GITHUB_ENV:-}" ]; then echo "NPM_CONFIG_TAG=$dist_tag" >>"$GITHUB_ENV"; fi
echo "release check: $version is ready (npm dist-tag: $dist_tag)"
