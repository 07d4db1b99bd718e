// Makes sure Debian's chromium is installed (the e2e suite and Lighthouse drive it); installs it with apt-get when missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs chromium with apt-get when it is not at CHROMIUM_PATH. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  console.log(`[setup] ${CHROMIUM_PATH} not found: installing Debian's chromium ...`);
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
  const run = (args) =>
    spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  let res = run(['apt-get', 'update']);
  if (res.status === 0)
    res = run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
  if (res.status !== 0 || !existsSync(CHROMIUM_PATH)) {
    console.error(
      '[setup] could not install chromium; install it (apt-get install chromium) or set CHROMIUM_PATH',
    );
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureChromium();
