// Installs Debian packages with apt-get (through sudo when not root): the one install path of the
// ensure-* scripts. Returns true when apt-get succeeded.
import { spawnSync } from 'node:child_process';

export function aptInstall(...packages) {
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
  const run = (args) =>
    spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  const res = run(['apt-get', 'update']);
  if (res.status !== 0) return false;
  return run(['apt-get', 'install', '-y', '--no-install-recommends', ...packages]).status === 0;
}
