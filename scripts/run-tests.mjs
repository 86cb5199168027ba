// Runs every compiled test file (dist/test/**/*.test.js) with node's built-in test runner.
// Optional arguments filter the files by substring, e.g. `node scripts/run-tests.mjs nn/ features/`.
// Files named *.slow.test.js (long training runs) form a slower tier: left out by default, run alone with --slow
// (.ci/run runs both tiers).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}
const args = process.argv.slice(2);
const slow = args.includes('--slow');
const filters = args.filter((a) => a !== '--slow');
const files = findTests('dist/test')
  .filter((f) => f.endsWith('.slow.test.js') === slow)
  .filter((f) => filters.length === 0 || filters.some((s) => relative('dist/test', f).includes(s)));
if (files.length === 0) {
  console.error(`run-tests: no ${slow ? 'slow ' : ''}test files found under dist/test`);
  process.exit(1);
}
// Tests write their scratch folders under os.tmpdir(); pointing TMPDIR at one folder per run lets us remove
// all of them afterwards, whether a test cleaned up or not.
const scratch = mkdtempSync(join(tmpdir(), 'adan-test-'));
const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
reporters.push(`--test-reporter=${join(import.meta.dirname, 'file-durations.mjs')}`, '--test-reporter-destination=stdout');
const r = spawnSync(process.execPath, ['--test', ...reporters, ...files], {
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: scratch },
});
rmSync(scratch, { recursive: true, force: true });
process.exit(r.status ?? 1);
