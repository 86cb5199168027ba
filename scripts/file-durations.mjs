// node:test reporter: after the run, prints the slowest test files (one line each) so the suite's cost stays visible.
// Each event's wall time since the previous event is charged to its file; with the runner's default concurrency on a
// small machine (files one after another) that is the file's wall time including its imports. The sum of the file's
// top-level test durations (what the spec reporter prints) is shown beside it.
import { relative } from 'node:path';

export default async function* fileDurations(source) {
  const wall = new Map();
  const tests = new Map();
  let last = performance.now();
  const started = last;
  for await (const e of source) {
    const file = e.data?.file;
    if (!file) continue;
    const now = performance.now();
    wall.set(file, (wall.get(file) ?? 0) + now - last);
    last = now;
    if ((e.type === 'test:pass' || e.type === 'test:fail') && e.data.nesting === 0) {
      tests.set(file, (tests.get(file) ?? 0) + (e.data.details?.duration_ms ?? 0));
    }
  }
  const rows = [...wall].sort((a, b) => b[1] - a[1]);
  const total = (performance.now() - started) / 1000;
  yield `\nslowest test files (wall s, sum of test durations s), suite ${total.toFixed(1)} s:\n`;
  for (const [file, ms] of rows.slice(0, Number(process.env.ADAN_TEST_DURATIONS ?? 15))) {
    yield (
      `  ${(ms / 1000).toFixed(1).padStart(6)} ` +
      `${((tests.get(file) ?? 0) / 1000).toFixed(1).padStart(6)}  ${relative(process.cwd(), file)}\n`
    );
  }
}
