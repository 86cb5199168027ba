import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/harness.js';
import { sharedDir } from '../../src/util/paths.js';
import { readGolden } from './golden.js';

const wav = (id: string): string => join(sharedDir(), 'data', 'emodb', 'wav', `${id}.wav`);

const runCaptured = runCli;

test('adan extract: folders, bad files, openSMILE CSV + LLD CSV, shards, atomic output', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-extract-'));
  try {
    const inDir = join(dir, 'in', 'sub');
    mkdirSync(inDir, { recursive: true });
    copyFileSync(wav('03a01Fa'), join(inDir, '03a01Fa.wav'));
    copyFileSync(wav('16b10Lb'), join(dir, 'in', '16b10Lb.wav'));
    writeFileSync(join(inDir, 'broken.wav'), 'RIFF....WAVEjunk');
    const out = join(dir, 'out', 'f.csv');
    const lld = join(dir, 'out', 'lld.csv');
    const r = await runCaptured([
      'extract',
      join(dir, 'in'),
      '--set',
      'IS10',
      '-o',
      out,
      '--lld',
      lld,
      '--jobs',
      '2',
      '--json',
      '--keep-going',
    ]);
    assert.equal(r.code, 1, 'a failed file makes the exit code non-zero');
    const errLines = r.stderr.trim().split('\n');
    assert.equal(errLines.length, 2, r.stderr);
    assert.match(errLines[0], /1 file failed/);
    assert.match(errLines[1], /broken\.wav: /);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    const summary = JSON.parse(r.stdout) as { extracted: number; failed: number };
    assert.equal(summary.extracted, 2);
    assert.equal(summary.failed, 1);
    // the functionals CSV: openSMILE header, names quoted, rows in sorted path order, values match the goldens
    const g = readGolden('IS10');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(lines[0], `name;frameTime;${g.names.join(';')}`);
    assert.equal(lines.length, 3);
    assert.ok(lines[1].startsWith("'16b10Lb';0.000000;"), lines[1].slice(0, 30));
    assert.ok(lines[2].startsWith("'03a01Fa';0.000000;"));
    for (const line of lines.slice(1)) {
      const parts = line.split(';');
      const ref = g.rows[g.ids.indexOf(parts[0].replace(/'/g, ''))];
      let close = 0;
      parts.slice(2).forEach((s, j) => {
        assert.match(s, /^(-?\d+|-?\d\.\d{6}e[+-]\d{2})$/);
        if (Math.abs(Number(s) - ref[j]) <= 1e-4 * Math.max(1, Math.abs(ref[j]))) close++;
      });
      assert.ok(close / ref.length > 0.99, `${parts[0]}: ${close}/${ref.length} values close`);
    }
    // LLD CSV: the layout of openSMILE's dumps, frame times 10 ms apart
    const dump = readFileSync(join(sharedDir(), 'data', 'emodb', 'opensmile', 'lld', '03a01Fa_IS10_lld.csv'), 'utf8')
      .trim()
      .split('\n');
    const ours = readFileSync(lld, 'utf8').trim().split('\n');
    assert.equal(ours[0], dump[0]);
    const rows03 = ours.filter((l) => l.startsWith("'03a01Fa'"));
    assert.equal(rows03.length, dump.length - 1);
    assert.equal(rows03[183].split(';')[1], '1.830000');
    assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['f.csv', 'lld.csv'], 'no temporary files left');
    // shards: 0/2 and 1/2 split the sorted list
    const s0 = await runCaptured([
      'extract',
      join(dir, 'in', '16b10Lb.wav'),
      join(inDir, '03a01Fa.wav'),
      '--set',
      'IS10',
      '-o',
      join(dir, 's0.csv'),
      '--shard',
      '1/2',
      '--jobs',
      '1',
    ]);
    assert.equal(s0.code, 0, s0.stderr);
    const sl = readFileSync(join(dir, 's0.csv'), 'utf8').trim().split('\n');
    assert.equal(sl.length, 2);
    assert.ok(sl[1].startsWith("'03a01Fa'"), 'sorted list [in/16b10Lb, in/sub/03a01Fa], shard 1/2 -> the second');
    // bad options are one-line user errors
    const bad = await runCaptured(['extract', join(dir, 'in'), '--set', 'IS12', '-o', join(dir, 'x.csv')]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^adan: --set: unknown feature set 'IS12'/);
    const badShard = await runCaptured(['extract', join(dir, 'in'), '--set', 'IS10', '-o', join(dir, 'x.csv'), '--shard', '3/2']);
    assert.equal(badShard.code, 1);
    assert.match(badShard.stderr, /--shard/);
    // only missing inputs: one line naming the file, and the table already at -o is left as it was
    const before = readFileSync(out, 'utf8');
    const gone = await runCaptured(['extract', join(dir, 'nope.wav'), join(dir, 'nope2.wav'), '--set', 'IS10', '-o', out]);
    assert.equal(gone.code, 1);
    assert.equal(gone.stderr.trim().split('\n').length, 1, gone.stderr);
    assert.match(gone.stderr, /nope\.wav: no such file or directory \(and 1 more missing input\)/);
    assert.equal(readFileSync(out, 'utf8'), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
