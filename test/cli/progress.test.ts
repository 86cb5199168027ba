import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressBar } from '../../src/cli/progress.js';

test('off a terminal, progress is a plain line at most once per interval; enabled:false is silent', () => {
  let t = 0;
  const lines: string[] = [];
  const p = progressBar({ enabled: undefined, lineEverySeconds: 60, now: () => t, write: (l) => lines.push(l) });
  // the test runner's stderr is not a TTY, so this is line mode
  p.start(10, 'adan');
  for (let i = 1; i <= 10; i++) {
    t += 20_000; // 20 s per piece: a line every third piece
    p.update(i, { fold: i - 1 });
  }
  p.stop();
  assert.deepEqual(lines, [
    'adan: adan 3/10 (30%) after 60 s eta 140 s fold=2\n',
    'adan: adan 6/10 (60%) after 120 s eta 80 s fold=5\n',
    'adan: adan 9/10 (90%) after 180 s eta 20 s fold=8\n',
  ]);
  const quiet: string[] = [];
  const q = progressBar({ enabled: false, lineEverySeconds: 0, now: () => 0, write: (l) => quiet.push(l) });
  q.start(3, 'x');
  q.increment();
  q.update(3);
  assert.deepEqual(quiet, []);
});
