#!/usr/bin/env node
// The browser tests drive Debian's own chromium and firefox-esr (../shared/TESTING.md): never a
// downloaded browser. When one is missing, root (CI, containers, fresh machines) installs both;
// anyone else gets the exact command and a failure — a silent skip would report a green run that
// tested nothing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = '/usr/lib/chromium/chromium';
export const FIREFOX = '/usr/bin/firefox-esr';
export const INSTALL = 'apt-get update && apt-get install -y chromium firefox-esr';

/** @returns {string[]} the browser binaries that are not installed */
export function missingBrowsers() {
  return [CHROMIUM, FIREFOX].filter((p) => !existsSync(p));
}

/** Installs the browsers when missing (as root); returns an exit code: 0 ready, 1 not. */
export function ensureBrowsers() {
  const missing = missingBrowsers();
  if (missing.length === 0) return 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Browser tests need Debian's chromium and firefox-esr (missing: ${missing.join(', ')}). Install them with:`);
    console.error(INSTALL);
    return 1;
  }
  console.error(`Installing missing browsers (${missing.join(', ')}): ${INSTALL}`);
  const run = spawnSync('sh', ['-c', INSTALL], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const still = missingBrowsers();
  if (run.status !== 0 || still.length > 0) {
    console.error(`Installing browsers failed (exit ${run.status}; still missing: ${still.join(', ') || 'none'}). Run it yourself:`);
    console.error(INSTALL);
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(ensureBrowsers());
}
