// Launcher for the command-line tools (extract, score): runs a bundled copy of scripts/<name>.ts,
// rebuilt with esbuild only when a source file is newer, so a call starts in a few hundred ms
// instead of compiling TypeScript on every run.
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name) || !existsSync(join(root, 'scripts', `${name}.ts`))) {
  process.stderr.write(`cli: unknown command ${name ?? ''}\n`);
  process.exit(2);
}
const out = join(root, 'node_modules/.cache/smartpick-cli', `${name}.mjs`);

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|tsx|json|mjs)$/.test(entry.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const built = existsSync(out) ? statSync(out).mtimeMs : 0;
const sources = Math.max(newest(join(root, 'lib')), newest(join(root, 'scripts')), newest(join(root, 'data')));
if (sources > built) {
  const { build } = await import('esbuild');
  // Build beside, then rename: parallel runs (the corpus scorer runs two) never read a half-written file.
  const tmp = `${out}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [join(root, 'scripts', `${name}.ts`)],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  renameSync(tmp, out);
}
process.argv.splice(2, 1);
await import(pathToFileURL(out).href);
