#!/usr/bin/env bash
# Copy the pinned front-end packages from node_modules/ into static/vendor/.
#
# The files in static/vendor/ are committed, so running the site needs no npm.
# Run this script only to update them:
#   1. change the exact version in package.json (devDependencies),
#   2. run `npm install --ignore-scripts` once to update package-lock.json,
#   3. run `bash scripts/vendor_assets.sh` and commit package.json,
#      package-lock.json and static/vendor/.
#
# npm uses the registry configured on the machine; nothing here names a host.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

if ! command -v npm >/dev/null 2>&1; then
    echo "vendor_assets: npm is not installed" >&2
    exit 1
fi

# Install exactly what package-lock.json says, without running package scripts.
npm ci --ignore-scripts --no-audit --no-fund

vendor="$repo_root/static/vendor"

package_version() {
    node -p "require('./node_modules/$1/package.json').version"
}

# copy_package NPM_NAME TARGET_DIR FILE...  (FILE is relative to the package root;
# it is copied under its base name)
copy_package() {
    local name="$1" target="$2"
    shift 2
    local src="$repo_root/node_modules/$name"
    rm -rf "$target"
    mkdir -p "$target"
    local file
    for file in "$@"; do
        cp "$src/$file" "$target/$(basename "$file")"
    done
    local license
    license="$(find "$src" -maxdepth 1 -type f \( -iname 'LICENSE*' -o -iname 'LICENCE*' \) | sort | head -n 1)"
    if [ -z "$license" ]; then
        echo "vendor_assets: no LICENSE file in $name" >&2
        exit 1
    fi
    cp "$license" "$target/$(basename "$license")"
    printf '%s@%s\n' "$name" "$(package_version "$name")" >"$target/VERSION"
    echo "vendored $name@$(package_version "$name") -> ${target#"$repo_root"/}"
}

copy_package htmx.org "$vendor/htmx" dist/htmx.min.js
copy_package axe-core "$vendor/axe-core" axe.min.js
copy_package @utrecht/component-library-css "$vendor/utrecht/component-library-css" dist/index.css
