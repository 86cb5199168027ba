/**
 * Stage tests against openSMILE's frame-level dumps (shared/data/emodb/opensmile/lld/*_IS10_lld.csv and the
 * shared stages of *_IS11_lld.csv), so a regression points at its stage: loudness, MFCC, log-mel, LSP,
 * pitch (F0final, F0finEnv, voicing), jitter/shimmer, smoothing and deltas (incl. the IS10 _de quirk).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWav } from '../../src/audio/wav.js';
import { is10Set } from '../../src/features/sets/is10.js';
import { type Level, makeLevel } from '../../src/features/dsp/level.js';
import { frameCount, framePlan } from '../../src/features/dsp/framing.js';
import { hammingWindow } from '../../src/features/dsp/window.js';
import { getFft } from '../../src/features/dsp/fft.js';
import { MelFilterbank } from '../../src/features/dsp/melspec.js';
import { Mfcc } from '../../src/features/dsp/mfcc.js';
import { IS11_PITCH, pitchTrack } from '../../src/features/pitch/index.js';
import { computeJitter } from '../../src/features/pitch/jitter.js';
import { smoothLevels } from '../../src/features/contour/smoother.js';
import { deltaLevel } from '../../src/features/contour/delta.js';
import { sharedDir } from '../../src/util/paths.js';

const IDS = ['03a01Fa', '08b02Tc', '11a04Wc', '14a05Aa', '16b10Lb'];
const dir = join(sharedDir(), 'data', 'emodb', 'opensmile', 'lld');

function readDump(id: string, set: string): { names: string[]; rows: number[][] } {
  const lines = readFileSync(join(dir, `${id}_${set}_lld.csv`), 'utf8')
    .trim()
    .split('\n');
  return { names: lines[0].split(';').slice(2), rows: lines.slice(1).map((l) => l.split(';').slice(2).map(Number)) };
}

/** Largest |ours − ref| over the frames of one column, relative to the column's largest |ref|. */
function columnError(ours: Level, d: number, ref: number[][], col: number, frames: number): number {
  let scale = 0;
  for (let t = 0; t < frames; t++) scale = Math.max(scale, Math.abs(ref[t][col]));
  let worst = 0;
  for (let t = 0; t < frames; t++) worst = Math.max(worst, Math.abs(ours.data[t * ours.dims + d] - ref[t][col]));
  return scale > 0 ? worst / scale : worst;
}

const group = (name: string): string => name.replace(/\[\d+\]/, '').replace('_sma', '');

test('IS10 LLDs, smoothing and deltas match the openSMILE dumps frame by frame', () => {
  // spec 12: LSP is ill-conditioned (float32 FFT in oS vs double here), everything else matches to float32 precision
  const tol = (g: string): number => (g === 'lspFreq' ? 2e-3 : g === 'lspFreq_de' ? 2e-2 : 2e-5);
  for (const id of IDS) {
    const w = readWav(join(sharedDir(), 'data', 'emodb', 'wav', `${id}.wav`));
    const maybe = is10Set.extract(w.samples, w.sampleRate, { lld: true }).lld;
    if (!maybe) throw new Error('no LLD output');
    const lld = maybe;
    const dump = readDump(id, 'IS10');
    assert.deepEqual(lld.names, dump.names);
    assert.equal(lld.frames, dump.rows.length, `${id}: frame count (spec 1.4)`);
    const level: Level = { frames: lld.frames, dims: lld.names.length, data: lld.data, names: lld.names };
    lld.names.forEach((n, d) => {
      const e = columnError(level, d, dump.rows, d, lld.frames);
      assert.ok(e <= tol(group(n)), `${id} ${n}: error ${e.toExponential(2)} of the column's range`);
    });
    // voiced-only contours: the zero pattern decides which frames enter the nz functionals (spec 11.11)
    for (const n of ['F0final_sma', 'jitterLocal_sma', 'shimmerLocal_sma', 'F0final_sma_de', 'jitterDDP_sma_de']) {
      const d: number = lld.names.indexOf(n);
      const zOurs: boolean[] = dump.rows.map((_, t) => lld.data[t * lld.names.length + d] === 0);
      const zRef: boolean[] = dump.rows.map((r) => r[d] === 0);
      assert.deepEqual(zOurs, zRef, `${id} ${n}: zero pattern`);
    }
  }
});

test('shared stages with IS11 parameters: SHS pitch (sigma 0.4, 4 candidates), jitter 0.25, noZeroSma, HTK MFCC 1-12', () => {
  for (const id of IDS) {
    const w = readWav(join(sharedDir(), 'data', 'emodb', 'wav', `${id}.wav`));
    const x = w.samples;
    const dump = readDump(id, 'IS11');
    const col = (n: string): number => {
      const i = dump.names.indexOf(n);
      assert.ok(i >= 0, n);
      return i;
    };
    // pitch + jitter, smoothed with noZeroSma (spec 8.7 smoNz) and plain deltas
    const p = pitchTrack(x, w.sampleRate, IS11_PITCH);
    const pl = makeLevel(p.frames, 2, ['F0final', 'voicingFinalUnclipped']);
    for (let t = 0; t < p.frames; t++) {
      pl.data[2 * t] = p.F0final[t];
      pl.data[2 * t + 1] = p.voicingFinalUnclipped[t];
    }
    const j = computeJitter(x, w.sampleRate, p.F0final, { searchRangeRel: 0.25 });
    const jl = makeLevel(j.frames, 3, ['jitterLocal', 'jitterDDP', 'shimmerLocal']);
    for (let t = 0; t < j.frames; t++) jl.data.set([j.jitterLocal[t], j.jitterDDP[t], j.shimmerLocal[t]], 3 * t);
    const nz = smoothLevels([pl, jl], true);
    const de = deltaLevel(nz);
    const frames = Math.min(nz.frames, dump.rows.length);
    assert.ok(frames >= dump.rows.length - 2, `${id}: ${nz.frames} frames vs ${dump.rows.length}`);
    nz.names.forEach((n, d) => {
      const e = columnError(nz, d, dump.rows, col(n), frames);
      assert.ok(e <= 2e-5, `${id} IS11 ${n}: ${e.toExponential(2)}`);
    });
    de.names.forEach((n, d) => {
      const e = columnError(de, d, dump.rows, col(n), frames - 2);
      assert.ok(e <= 2e-5, `${id} IS11 ${n}: ${e.toExponential(2)}`);
    });
    // HTK-compatible MFCC 1..12 on 20 ms frames, no pre-emphasis, FFT without symmetric padding (spec 8.1, 8.5)
    const { length: L, hop } = framePlan(0.02, 0.01, w.sampleRate);
    const N20 = frameCount(x.length, L, hop);
    const win = hammingWindow(L);
    const fft = getFft(512);
    const mel = new MelFilterbank({ nBands: 26, loFreq: 20, hiFreq: 8000, usePower: true, htkCompatible: true }, 512, w.sampleRate);
    const mfcc = new Mfcc({ nBands: 26, firstMfcc: 1, lastMfcc: 12, cepLifter: 22, htkCompatible: true });
    const names = Array.from({ length: 12 }, (_, i) => `pcm_fftMag_mfcc[${i + 1}]`);
    const lv = makeLevel(N20, 12, names);
    const fr = new Float32Array(L);
    const mag = new Float32Array(257);
    const bands = new Float32Array(26);
    for (let k = 0; k < N20; k++) {
      for (let i = 0; i < L; i++) fr[i] = x[k * hop + i] * win[i];
      fft.magnitude(fr, false, mag);
      mfcc.apply(mel.apply(mag, bands), lv.data.subarray(12 * k, 12 * k + 12));
    }
    const sm = smoothLevels([lv], false);
    sm.names.forEach((n, d) => {
      const e = columnError(sm, d, dump.rows, col(n), Math.min(sm.frames, dump.rows.length));
      assert.ok(e <= 2e-5, `${id} IS11 ${n}: ${e.toExponential(2)}`);
    });
  }
});
