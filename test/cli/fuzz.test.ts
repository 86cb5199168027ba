import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/util/paths.js';
import { isOneLineError, runCli, smallTableCsv, snapshot, tempDir, writeToneWav, type CliResult } from './harness.js';

// Generated bad inputs (seeded, so a failure is reproducible) fed to extract, train and evaluate as a user would.
// Every run either succeeds and writes a clean table, or fails with exactly one line on stderr, no stack trace,
// and leaves every earlier file as it was.

const dir = tempDir('fuzz');
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

let state = 20261201;
function rand(): number {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

/** A WAV with one random defect: truncated, a header field overwritten, or bytes of the data replaced. */
function mutateWav(base: Uint8Array): Uint8Array {
  const b = Uint8Array.from(base);
  const kind = pick(['truncate', 'header', 'header', 'data']);
  if (kind === 'truncate') return b.subarray(0, Math.floor(rand() * b.length));
  if (kind === 'header') {
    const fields = [4, 8, 12, 16, 20, 22, 24, 28, 32, 34, 36, 40];
    const at = pick(fields);
    const value = pick([0, 1, 0xff, 0xffff, 0xffffffff, Math.floor(rand() * 2 ** 32)]);
    new DataView(b.buffer).setUint32(Math.min(at, b.length - 4), value, true);
    return b;
  }
  for (let k = 0; k < 16; k++) b[44 + Math.floor(rand() * (b.length - 44))] = Math.floor(rand() * 256);
  return b;
}

const BAD_CELLS = ['', 'nan', 'NaN', 'inf', '-Infinity', 'x', '1e999', '?', '"', "'", '1,5', '0x1g'];

/** A table with one random defect: a bad feature cell, a renamed/duplicated header field, or truncated text. */
function mutateTable(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const kind = pick(['cell', 'cell', 'header', 'truncate']);
  if (kind === 'cell') {
    const r = 1 + Math.floor(rand() * (lines.length - 1));
    lines[r][1 + Math.floor(rand() * 6)] = pick(BAD_CELLS);
  } else if (kind === 'header') {
    const j = Math.floor(rand() * lines[0].length);
    lines[0][j] = pick([lines[0][(j + 1) % lines[0].length], '', 'label', 'speaker', 'name', '"x']);
  } else {
    const flat = lines.map((l) => l.join(',')).join('\n');
    return flat.slice(0, Math.floor(rand() * flat.length));
  }
  return lines.map((l) => l.join(',')).join('\n') + '\n';
}

/** The property every run must have; returns a description of a violation or null. */
function violation(r: CliResult, before: Map<string, string>, outputs: string[]): string | null {
  if (r.code !== 0) {
    if (!isOneLineError(r)) return `not a one-line error: ${JSON.stringify(r.stderr)}`;
    const after = snapshot(dir);
    for (const [p, v] of before) if (after.get(p) !== v) return `${p} changed by a failed run`;
    for (const p of after.keys()) if (!before.has(p)) return `${p} written by a failed run`;
  }
  for (const o of outputs) {
    if (existsSync(o) && /(^|[;,])-?(nan|inf)([;,\n]|$)/im.test(readFileSync(o, 'utf8'))) return `${o} holds nan/inf`;
  }
  return null;
}

test('fuzz: bad WAVs to extract fail with one line and never change an earlier output', async () => {
  const base = join(dir, 'base.wav');
  writeToneWav(base, 0.3);
  const baseBytes = readFileSync(base);
  const out = join(dir, 'extract.csv');
  writeFileSync(out, 'earlier output\n');
  let failures = 0;
  for (let i = 0; i < 150; i++) {
    const wav = join(dir, `bad-${i}.wav`);
    writeFileSync(wav, mutateWav(baseBytes));
    const before = snapshot(dir);
    const r = await runCli(['extract', wav, '--set', 'IS10', '-o', out]);
    const v = violation(r, before, [out]);
    assert.equal(v, null, `input ${i}: ${v}`);
    if (r.code !== 0) failures++;
    else writeFileSync(out, 'earlier output\n');
    rmSync(wav);
  }
  assert.ok(failures > 60, `many mutated WAVs must be refused (${failures}/150)`);
});

test('fuzz: bad tables to train and evaluate fail with one line and never change an earlier output', async () => {
  const good = smallTableCsv(24, 6, 3);
  const model = join(dir, 'model');
  const json = join(dir, 'eval.json');
  writeFileSync(json, '{"earlier":true}\n');
  let failures = 0;
  for (let i = 0; i < 120; i++) {
    const table = join(dir, `table-${i}.csv`);
    writeFileSync(table, mutateTable(good));
    for (const args of [
      ['train', '--table', table, '--epochs', '1', '--set', '{"encoderHidden":[8],"decoderHidden":[8],"latent":4}', '-o', model, '--json'],
      ['evaluate', '--table', table, '--json', json, '--quiet'],
    ]) {
      const before = snapshot(dir);
      const r = await runCli(args);
      const v = violation(r, before, [json]);
      assert.equal(v, null, `table ${i} (${args[0]}): ${v}\n${readFileSync(table, 'utf8').slice(0, 400)}`);
      if (r.code !== 0) failures++;
    }
    rmSync(table);
  }
  assert.ok(failures > 150, `most mutated tables must be refused (${failures}/240)`);
});

test('fuzz: through bin/adan.js a user sees one line and exit 1', () => {
  const bin = join(packageRoot(), 'bin', 'adan.js');
  writeFileSync(join(dir, 'junk.wav'), 'RIFF');
  writeFileSync(join(dir, 'junk.csv'), 'name,f1,label\nx,nan,a\n');
  for (const args of [
    ['extract', join(dir, 'junk.wav'), '--set', 'IS10', '-o', join(dir, 'j.csv')],
    ['train', '--table', join(dir, 'junk.csv'), '-o', join(dir, 'jm')],
    ['evaluate', '--table', join(dir, 'junk.csv')],
  ]) {
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at |internal error/);
  }
});
