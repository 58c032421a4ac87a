// Probes once for a container runtime, in a child process with a time limit, so that
// container suites can skip with one clear line instead of hanging (see TOOLCHAIN notes).
const { spawnSync } = require('node:child_process');

module.exports = async function globalSetup() {
  if (process.env.CONTAINER_RUNTIME_PROBED) return;
  process.env.CONTAINER_RUNTIME_PROBED = '1';
  const probe = spawnSync(process.execPath, ['-e', `
    const { getContainerRuntimeClient } = require('testcontainers');
    getContainerRuntimeClient().then(() => process.exit(0), (e) => { console.error(String(e.message).split('\\n')[0]); process.exit(3); });
  `], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, DOCKER_CLIENT_TIMEOUT: '5000' } });
  if (probe.status === 0) {
    process.env.CONTAINER_RUNTIME = 'available';
  } else {
    const reason = probe.error ? 'probe timed out after 10 s' : (probe.stderr || '').trim().split('\n').pop() || 'no answer';
    process.env.CONTAINER_RUNTIME = 'missing';
    process.env.CONTAINER_RUNTIME_REASON = reason;
  }
};
