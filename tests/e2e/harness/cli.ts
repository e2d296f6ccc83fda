import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIXTURES_DIR } from '../../../scripts/lib/fixtures';

// The command line runs the same lib code as the extension (DESIGN.md "Command line"): a badge
// must show what `npm run score` says for the same page, profile and day. Comparing with it keeps
// these tests about the wiring (page → content script → background → badge), not the model's weights.

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface CliScore {
  tier: 'reach' | 'realistic' | 'safety' | 'ineligible' | 'unknown';
  score: number | null;
  dealbreakers: { field: string; message: string }[];
}

export function scoreWithCli(profile: unknown, fixture: string, url: string): CliScore {
  const dir = mkdtempSync(join(tmpdir(), 'smartpick-e2e-score-'));
  try {
    const profilePath = join(dir, 'profile.json');
    writeFileSync(profilePath, JSON.stringify(profile));
    const res = spawnSync(process.execPath, ['scripts/cli.mjs', 'score', '--profile', profilePath, join(FIXTURES_DIR, fixture), '--url', url], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (res.status !== 0) throw new Error(`score CLI failed (exit ${res.status}): ${res.stderr}`);
    return JSON.parse(res.stdout) as CliScore;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
