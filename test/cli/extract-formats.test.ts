// adan extract on a folder of mixed formats: every audio extension is picked up, content decides the decoder, and
// a format adan cannot decode (FLAC) is a named failure, not a silently skipped file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/util/paths.js';
import { readCsvTable } from '../../src/data/read-table.js';
import { isOneLineError, runCli, tempDir } from './harness.js';

const FIXTURES = join(packageRoot(), 'test', 'fixtures', 'audio');

test('extract: a folder of WAV, MP3, Opus and AIFF-named-.wav files gives one row each; FLAC is named as unsupported', async () => {
  const d = tempDir('formats');
  try {
    const inDir = join(d, 'in');
    mkdirSync(inDir);
    for (const f of ['tone.wav', 'tone.mp3', 'tone.opus', 'aiff-named.wav']) {
      copyFileSync(join(FIXTURES, f), join(inDir, f.replace('tone.', `tone-${f.split('.').pop()}.`)));
    }
    const out = join(d, 'f.csv');
    const ok = await runCli(['extract', inDir, '--set', 'IS09', '-o', out, '--jobs', '1']);
    assert.equal(ok.code, 0, ok.stderr);
    const t = readCsvTable(out);
    assert.deepEqual([...t.ids].sort(), ['aiff-named', 'tone-mp3', 'tone-opus', 'tone-wav']);
    assert.ok(t.features.every((v) => Number.isFinite(v)));
    copyFileSync(join(FIXTURES, 'tone.flac'), join(inDir, 'tone-flac.flac'));
    const out2 = join(d, 'g.csv');
    const refused = await runCli(['extract', inDir, '--set', 'IS09', '-o', out2, '--jobs', '1']);
    assert.ok(isOneLineError(refused), refused.stderr);
    assert.match(refused.stderr, /tone-flac\.flac.*FLAC/i);
    assert.equal(existsSync(out2), false);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
