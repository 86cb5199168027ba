// adan extract on a folder of mixed formats: every audio extension is picked up, content decides the decoder, and
// a file adan cannot decode (a cut FLAC) is a named failure, not a silently skipped file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/util/paths.js';
import { readCsvTable } from '../../src/data/read-table.js';
import { isOneLineError, runCli, tempDir } from './harness.js';

const FIXTURES = join(packageRoot(), 'test', 'fixtures', 'audio');

test('extract: a folder of WAV, FLAC, MP3, Opus, Vorbis and AIFF-named-.wav files gives one row each; a cut FLAC is named', async () => {
  const d = tempDir('formats');
  try {
    const inDir = join(d, 'in');
    mkdirSync(inDir);
    for (const f of ['tone.wav', 'tone.flac', 'tone.mp3', 'tone.opus', 'tone.ogg', 'aiff-named.wav']) {
      copyFileSync(join(FIXTURES, f), join(inDir, f.replace('tone.', `tone-${f.split('.').pop()}.`)));
    }
    const out = join(d, 'f.csv');
    const ok = await runCli(['extract', inDir, '--set', 'IS09', '-o', out, '--jobs', '1']);
    assert.equal(ok.code, 0, ok.stderr);
    const t = readCsvTable(out);
    assert.deepEqual([...t.ids].sort(), ['aiff-named', 'tone-flac', 'tone-mp3', 'tone-ogg', 'tone-opus', 'tone-wav']);
    assert.ok(t.features.every((v) => Number.isFinite(v)));
    // FLAC is lossless: the same feature row as the WAV it was made from
    const dim = t.featureNames.length;
    const row = (id: string): number[] => Array.from(t.features.subarray(t.ids.indexOf(id) * dim, (t.ids.indexOf(id) + 1) * dim));
    assert.deepEqual(row('tone-flac'), row('tone-wav'));
    const flac = readFileSync(join(FIXTURES, 'tone.flac'));
    writeFileSync(join(inDir, 'cut.flac'), flac.subarray(0, flac.length - 3000));
    const out2 = join(d, 'g.csv');
    const refused = await runCli(['extract', inDir, '--set', 'IS09', '-o', out2, '--jobs', '1']);
    assert.ok(isOneLineError(refused), refused.stderr);
    assert.match(refused.stderr, /cut\.flac: invalid FLAC file: truncated/);
    assert.equal(existsSync(out2), false);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
