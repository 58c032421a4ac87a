#!/usr/bin/env bash
# Builds FerretDB 1.x (the last line with the SQLite backend) into .tools/ferretdb for the
# MongoDB adapter's suites. v1.24.1 is not served by the Go module proxy; v1.24.0 is, but its
# module copy lacks build/version/version.txt (made by FerretDB's own release task), so the
# build uses a writable copy of the module with that file added.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=v1.24.0
out="$root/.tools/ferretdb/ferretdb"
# The version is read into a variable, never piped into `head` or `grep -q`: under pipefail
# an early-closing reader makes the writer die of SIGPIPE and the script exit 141.
if [ -x "$out" ] && [[ "$("$out" --version 2>/dev/null || true)" == *"$version"* ]]; then exit 0; fi
command -v go >/dev/null || { echo "Go is needed to build FerretDB for the MongoDB adapter tests" >&2; exit 1; }
src="$root/.tools/ferretdb/src"
mkdir -p "$root/.tools/ferretdb"
if [ ! -f "$src/build/version/version.txt" ]; then
  dir=$(cd "$root/.ci/ferretdb" && GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  rm -rf "$src" && cp -r "$dir" "$src" && chmod -R u+w "$src"
  echo "$version" > "$src/build/version/version.txt"
fi
cd "$root/.ci/ferretdb"
GOFLAGS=-mod=mod go build -o "$out" github.com/FerretDB/FerretDB/cmd/ferretdb
built="$("$out" --version)"
echo "${built%%$'\n'*}"
