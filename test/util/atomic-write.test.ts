import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/util/atomic-write.js';

test('writeFileAtomic replaces the target and leaves no temporary file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-atomic-'));
  const target = join(dir, 'out.csv');
  writeFileSync(target, 'old');
  writeFileAtomic(target, 'new content');
  assert.equal(readFileSync(target, 'utf8'), 'new content');
  assert.deepEqual(readdirSync(dir), ['out.csv']);
});

test('writeFileAtomic keeps the old file when the write fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-atomic-'));
  const target = join(dir, 'out.csv');
  writeFileSync(target, 'old');
  // A directory in place of the temporary file's parent makes the write fail.
  assert.throws(() => writeFileAtomic(join(target, 'inside.csv'), 'x'));
  assert.equal(readFileSync(target, 'utf8'), 'old');
});
