import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// Runs once before the browser tests: the browsers must be there (installed when running as root,
// else a failure naming the apt-get command), then the three builds the tests load, from the
// current sources. Sequential: WXT builds share .wxt/ and the machine has two cores.

const ROOT = resolve(import.meta.dirname, '..', '..');

function run(label: string, command: string, args: string[]): void {
  const started = Date.now();
  // Build exactly as `npm run build` does from a shell: vitest sets NODE_ENV=test, which would leak
  // into Vite and change the bundles under test.
  const env = { ...process.env };
  delete env.NODE_ENV;
  delete env.VITEST;
  const res = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
  if (res.status !== 0) {
    throw new Error(`e2e setup: ${label} failed (exit ${res.status ?? res.signal})\n${res.stdout}${res.stderr}`);
  }
  console.log(`e2e setup: ${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export default function setup(): void {
  run('browsers', process.execPath, ['scripts/ensure-browsers.mjs']);
  // While iterating on tests alone: SMARTPICK_E2E_NO_BUILD=1 reuses the builds in .output/.
  if (process.env.SMARTPICK_E2E_NO_BUILD === '1') {
    console.log('e2e setup: SMARTPICK_E2E_NO_BUILD=1, testing the existing builds in .output/');
    return;
  }
  // Chrome production right before build:e2e (Chrome first): the smoke test compares the two, and
  // a source edited between them (another engineer at work) would make them differ.
  for (const script of ['build:firefox', 'build', 'build:e2e']) run(`npm run ${script}`, 'npm', ['run', '-s', script]);
}
