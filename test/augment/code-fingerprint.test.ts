import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { encodeWav } from '../../src/audio/wav-write.js';
import { parsePerturbation } from '../../src/audio/perturbation.js';
import { fingerprintFiles, perturbCodeFingerprint, perturbCodeRoots } from '../../src/augment/audio/code-fingerprint.js';
import { PerturbedFeatureCache } from '../../src/augment/audio/perturbed-features.js';
import { packageVersion } from '../../src/util/version.js';

test('perturb code fingerprint: the compiled extractor and perturbations, stable, independent of where the code lives', () => {
  const { roots, ext } = perturbCodeRoots();
  // The tests run compiled, so the fingerprint covers dist/src's .js files (tsx from src/ would hash the .ts).
  assert.equal(ext, '.js');
  assert.deepEqual(
    roots.map((r) => basename(r)),
    ['features', 'audio', 'random.js', 'perturbed-features.js'],
  );
  for (const r of roots) assert.ok(existsSync(r), r);
  assert.match(perturbCodeFingerprint(), /^[0-9a-f]{64}$/);
  assert.equal(perturbCodeFingerprint(), perturbCodeFingerprint());
  const d = mkdtempSync(join(tmpdir(), 'adan-fingerprint-'));
  try {
    const copies = roots.map((r, i) => {
      const c = join(d, `root${i}`, basename(r));
      cpSync(r, c, { recursive: true });
      return c;
    });
    const original = fingerprintFiles(roots, ext);
    assert.equal(fingerprintFiles(copies, ext), original, 'a copy elsewhere has the same fingerprint');
    assert.equal(fingerprintFiles(copies, ext), original, 'stable across calls');
    // Files the pipeline does not run (source maps, declarations) do not count.
    appendFileSync(join(copies[0], 'index.js.map'), ' ');
    assert.equal(fingerprintFiles(copies, ext), original);
    // A one-byte change to one compiled file of the extractor changes it; so does a renamed file.
    const lld = join(copies[0], 'lld');
    const file = join(
      lld,
      readdirSync(lld).find((f) => f.endsWith('.js'))!,
    );
    appendFileSync(file, '\n');
    const edited = fingerprintFiles(copies, ext);
    assert.notEqual(edited, original);
    renameSync(file, file.replace(/\.js$/, '-renamed.js'));
    assert.notEqual(fingerprintFiles(copies, ext), edited);
    // A new file in a hashed folder, or an edit to the one-file root, changes it too.
    writeFileSync(join(copies[1], 'new.js'), '');
    const added = fingerprintFiles(copies, ext);
    appendFileSync(copies[2], ' ');
    assert.notEqual(fingerprintFiles(copies, ext), added);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('perturb feature cache: entries live under the package version and the code fingerprint', () => {
  const d = mkdtempSync(join(tmpdir(), 'adan-fingerprint-cache-'));
  try {
    const wav = join(d, 'a.wav');
    const x = Float32Array.from({ length: 8000 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 180 * i) / 16000));
    writeFileSync(wav, encodeWav([x], 16000, 'pcm16'));
    const cache = new PerturbedFeatureCache(join(d, 'cache'), 'IS09');
    cache.features(wav, parsePerturbation('noise-white:20'));
    assert.deepEqual(readdirSync(join(d, 'cache')), [`${packageVersion()}-${perturbCodeFingerprint().slice(0, 16)}`]);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
