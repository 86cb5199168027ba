import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFeatures } from '../../src/features/extract.js';
import { longSignal } from '../../bench/extract-long.js';

test('a 10-minute recording is extracted in bounded memory with finite values', () => {
  const fs = 16000;
  const x = longSignal(10, fs);
  const before = process.memoryUsage().rss;
  const r = extractFeatures({ samples: x, sampleRate: fs, name: 'long' }, 'IS10', { lld: false });
  const growthMB = (process.resourceUsage().maxRSS * 1024 - before) / 2 ** 20;
  assert.equal(r.seconds, 600);
  assert.ok(r.values.every((v) => Number.isFinite(v)));
  // 60 000 frames: the samples are 38 MB; levels, deltas and temporaries must stay within a small multiple
  assert.ok(growthMB < 300, `RSS grew by ${growthMB.toFixed(0)} MB`);
  const dur = r.values[r.names.indexOf('F0final__Turn_duration')];
  assert.ok(Math.abs(dur - (Math.floor((600 * fs - 960) / 160) + 1 - 1) * 0.01) < 1e-3, `duration ${dur}`);
});
