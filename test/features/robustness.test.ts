/**
 * Behaviour on audio other than EmoDB: tones, noise, silence, very short input, other sample rates and
 * encodings. There is no openSMILE here, so these check sanity (finite numbers, correct pitch of a synthetic
 * tone, frame-count rule at other rates); only EmoDB is compared with openSMILE's goldens.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFeatures, featureNames } from '../../src/features/extract.js';
import { encodeWav } from '../../src/audio/wav-write.js';
import { UserError } from '../../src/util/errors.js';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A vowel-like harmonic tone with slight vibrato, amplitude 0.3. */
function harmonicTone(f0: number, seconds: number, fs: number): Float32Array {
  const n = Math.round(seconds * fs);
  const x = new Float32Array(n);
  let ph = 0;
  for (let i = 0; i < n; i++) {
    const f = f0 * (1 + 0.01 * Math.sin((2 * Math.PI * 5 * i) / fs));
    ph += (2 * Math.PI * f) / fs;
    let v = 0;
    for (let h = 1; h <= 10; h++) if (h * f0 < fs / 2) v += Math.sin(h * ph) / h;
    x[i] = 0.3 * v * 0.5;
  }
  return x;
}

const allFinite = (v: Float32Array): boolean => v.every((x) => Number.isFinite(x));

test('IS10 on a harmonic tone at several sample rates: finite values, F0 found', () => {
  const names = featureNames('IS10');
  const f0Mean = names.indexOf('F0final_sma_amean');
  const dur = names.indexOf('F0final__Turn_duration');
  for (const fs of [8000, 16000, 22050, 44100, 48000]) {
    const x = harmonicTone(180, 1.5, fs);
    const r = extractFeatures({ samples: x, sampleRate: fs, name: `tone${fs}` }, 'IS10');
    assert.equal(r.values.length, 1582);
    assert.ok(allFinite(r.values), `fs=${fs}: non-finite values`);
    assert.ok(Math.abs(r.values[f0Mean] - 180) < 180 * 0.03, `fs=${fs}: F0 mean ${r.values[f0Mean]}`);
    // frame-count rule (spec 1.4) at this rate: NP = N60 − 1 frames of 10 ms
    const L = Math.round(0.06 * fs);
    const hop = Math.round(0.01 * fs);
    const NP = Math.floor((x.length - L) / hop);
    assert.ok(Math.abs(r.values[dur] - NP * 0.01) < 1e-5, `fs=${fs}: duration ${r.values[dur]} vs ${NP * 0.01}`);
  }
});

test('IS10 on noise, silence, a click and the shortest accepted input: finite values', () => {
  const fs = 16000;
  const rand = rng(7);
  const noise = Float32Array.from({ length: fs }, () => (rand() - 0.5) * 0.2);
  const silence = new Float32Array(fs);
  const click = new Float32Array(fs);
  click[8000] = 0.9;
  const dc = new Float32Array(fs).fill(0.25);
  const shortest = harmonicTone(150, 1440 / fs, fs);
  for (const [name, x] of Object.entries({ noise, silence, click, dc, shortest })) {
    const r = extractFeatures({ samples: x, sampleRate: fs, name }, 'IS10');
    assert.ok(allFinite(r.values), `${name}: non-finite values at ${featureNames('IS10')[r.values.findIndex((v) => !Number.isFinite(v))]}`);
  }
  const sil = extractFeatures({ samples: silence, sampleRate: fs }, 'IS10');
  const names = featureNames('IS10');
  assert.equal(sil.values[names.indexOf('F0final_sma_amean')], 0, 'silence has no pitch');
  assert.equal(sil.values[names.indexOf('pcm_loudness_sma_amean')], 0);
});

test('input shorter than the set needs is a one-line UserError; WAV encodings give the same features', () => {
  const fs = 16000;
  assert.throws(
    () => extractFeatures({ samples: new Float32Array(1439), sampleRate: fs, name: 'tiny' }, 'IS10'),
    (e: unknown) => e instanceof UserError && /^tiny: too short for IS10/.test(e.message),
  );
  const dir = mkdtempSync(join(tmpdir(), 'adan-robust-'));
  try {
    const x = harmonicTone(220, 1, fs);
    const stereo24 = join(dir, 'st24.wav');
    writeFileSync(stereo24, encodeWav([x, x], fs, 'pcm24'));
    const float = join(dir, 'fl.wav');
    writeFileSync(float, encodeWav([x], fs, 'float32'));
    const a = extractFeatures(stereo24, 'IS10');
    const b = extractFeatures(float, 'IS10');
    assert.equal(a.name, 'st24');
    const names = featureNames('IS10');
    const i = names.indexOf('F0final_sma_amean');
    assert.ok(Math.abs(a.values[i] - b.values[i]) < 0.5, `${a.values[i]} vs ${b.values[i]}`);
    const empty = join(dir, 'empty.wav');
    writeFileSync(empty, new Uint8Array(0));
    assert.throws(
      () => extractFeatures(empty, 'IS10'),
      (e: unknown) => e instanceof UserError && /empty\.wav: empty file/.test(e.message),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
