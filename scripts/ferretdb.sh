#!/usr/bin/env bash
# Runs a throw-away FerretDB (SQLite backend) so the MongoDB read-store adapter can be tested
# without a MongoDB server.
#   scripts/ferretdb.sh start   start it in the background, wait until it answers, print its URL
#   scripts/ferretdb.sh stop    stop it and delete its data
#   scripts/ferretdb.sh url     print its URL
# FERRETDB_BIN picks the binary (default .tools/ferretdb/ferretdb, built by CI from
# .ci/ferretdb); FERRETDB_PORT the port (default 27018).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${FERRETDB_BIN:-$root/.tools/ferretdb/ferretdb}"
port="${FERRETDB_PORT:-27018}"
state_file="$root/.tools/ferretdb/server-$port.state"
url="mongodb://127.0.0.1:$port/"

die() { echo "ferretdb.sh: $*" >&2; exit 1; }

# True when something accepts TCP connections on the port (bash's /dev/tcp, no extra tools).
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

running_pid() {
  [[ -f "$state_file" ]] || return 1
  local pid
  pid="$(sed -n 's/^pid=//p' "$state_file")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start() {
  [[ -x "$bin" ]] || die "no FerretDB binary at $bin (set FERRETDB_BIN or build .ci/ferretdb)"
  if running_pid >/dev/null; then echo "$url"; return 0; fi
  answers && die "port $port is already in use by another process (set FERRETDB_PORT)"
  mkdir -p "$(dirname "$state_file")"
  local data
  data="$(mktemp -d "${TMPDIR:-/tmp}/pl-ferretdb.XXXXXX")"
  # The debug listener is moved to a free port so that several servers can run side by side.
  "$bin" --handler=sqlite --sqlite-url="file:$data/" --listen-addr="127.0.0.1:$port" \
    --state-dir="$data" --telemetry=disable --debug-addr=127.0.0.1:0 --log-level=WARN \
    >"$data/ferretdb.log" 2>&1 &
  local pid=$!
  printf 'pid=%s\ndata=%s\n' "$pid" "$data" >"$state_file"
  for _ in $(seq 1 300); do
    if answers; then echo "$url"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      cat "$data/ferretdb.log" >&2
      rm -rf "$data" "$state_file"
      die "FerretDB exited during start"
    fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  rm -rf "$data" "$state_file"
  die "FerretDB did not accept connections on port $port within 30 s"
}

stop() {
  [[ -f "$state_file" ]] || { echo "ferretdb.sh: not running on port $port"; return 0; }
  local pid data
  pid="$(sed -n 's/^pid=//p' "$state_file")"
  data="$(sed -n 's/^data=//p' "$state_file")"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  # Only ever delete a folder this script created.
  [[ "$data" == */pl-ferretdb.* ]] && rm -rf "$data"
  rm -f "$state_file"
  echo "ferretdb.sh: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) running_pid >/dev/null || die "not running on port $port (run: scripts/ferretdb.sh start)"; echo "$url" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
