// Makes sure Debian's chromium is installed (the e2e suite and Lighthouse drive it); installs it with apt-get when missing.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aptInstall } from './apt-install.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs chromium with apt-get when it is not at CHROMIUM_PATH. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  console.log(`[setup] ${CHROMIUM_PATH} not found: installing Debian's chromium ...`);
  const ok = aptInstall('chromium');
  if (!ok || !existsSync(CHROMIUM_PATH)) {
    console.error(
      '[setup] could not install chromium; install it (apt-get install chromium) or set CHROMIUM_PATH',
    );
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureChromium();
