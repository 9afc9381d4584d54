#!/usr/bin/env bash
# The plugin as a user meets it: packed into its npm tarball, installed with `npm install <tarball>`
# into a fresh Strapi app (written by generate.js into a temporary folder), enabled with the one
# line of config/plugins.js, the admin built with `strapi build`, then `strapi start` in production
# and smoke.js over HTTP. Exits non-zero when any step fails; the temporary folder is removed
# (FRESH_APP_KEEP=1 keeps it).
#   FRESH_APP_STRAPI=5.x.y       another Strapi version for the app (default 5.54.0)
#   FRESH_APP_NPM_FLAGS=...      extra flags for npm install (e.g. --legacy-peer-deps to try a Strapi
#                                version outside the plugin's peer range)
#   FRESH_APP_SKIP_BUILD=1       pack the plugin's dist as it is (CI: the SQLite suite just built it)
set -euo pipefail
cd "$(dirname "$0")/../.."
strapi_version=${FRESH_APP_STRAPI:-5.54.0}

# The app's node_modules is some 1,500 packages: writing and removing them on this machine's disk
# took minutes (a run in /tmp spent 3.5 min removing them). A memory-backed /dev/shm with room to
# spare is used instead, unless TMPDIR names a folder.
parent=${TMPDIR:-/tmp}
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] \
  && [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt 4000000 ]; then
  parent=/dev/shm
fi
tmp=$(mktemp -d "$parent/cited-articles-fresh-app.XXXXXX")
started=$SECONDS
step() { printf '[fresh-app] %s (%ss)\n' "$*" "$((SECONDS - started))"; }
cleanup() {
  if [ "${FRESH_APP_KEEP:-0}" = 1 ]; then
    echo "[fresh-app] kept $tmp"
  else
    rm -rf "$tmp"
    step "removed $tmp"
  fi
}
trap cleanup EXIT

if [ "${FRESH_APP_SKIP_BUILD:-0}" != 1 ]; then
  step "building the plugin"
  npm run build:plugin --silent
fi
step "packing the plugin"
npm pack --workspace plugins/cited-articles --pack-destination "$tmp" --silent >/dev/null
tarball=$(ls "$tmp"/strapi-plugin-cited-articles-*.tgz)

step "writing a fresh Strapi $strapi_version app into $tmp/app"
node scripts/fresh-app/generate.js "$tmp/app" --strapi "$strapi_version"

# better-sqlite3's install script downloads a prebuilt binary from GitHub, which CI cannot reach, and
# then compiles SQLite instead (about 2 minutes here). prebuild-install also takes a local prebuild:
# hand it the binary `npm ci` already built for the host app, when the versions match.
host_sqlite=node_modules/better-sqlite3
if [ -f "$host_sqlite/build/Release/better_sqlite3.node" ]; then
  sqlite_version=$(node -p "require('./$host_sqlite/package.json').version")
  mkdir -p "$tmp/prebuilds"
  tar -czf "$tmp/prebuilds/better-sqlite3-v$sqlite_version-node-v$(node -p process.versions.modules)-$(node -p process.platform)-$(node -p process.arch).tar.gz" \
    -C "$host_sqlite" build/Release/better_sqlite3.node
  prebuilds=(env "npm_config_better_sqlite3_local_prebuilds=$tmp/prebuilds")
else
  prebuilds=()
fi

step "npm install $(basename "$tarball") (and the app's dependencies)"
# shellcheck disable=SC2086 # FRESH_APP_NPM_FLAGS is a list of flags
(cd "$tmp/app" && "${prebuilds[@]}" npm install --prefer-offline --no-audit --no-fund --loglevel=error \
  ${FRESH_APP_NPM_FLAGS:-} "$tarball")
node -e '
  const pkg = require(process.argv[1]);
  if (!pkg.dependencies["strapi-plugin-cited-articles"]) { console.error("the plugin is not in the app dependencies"); process.exit(1); }
' "$tmp/app/package.json"

step "enabling the plugin in config/plugins.js"
node scripts/fresh-app/generate.js "$tmp/app" --enable-plugin

step "strapi build"
(cd "$tmp/app" && NODE_ENV=production npx --no-install strapi build)

step "strapi start and the smoke test"
node scripts/fresh-app/smoke.js "$tmp/app"
step "all steps passed"
