/**
 * The float32 Ooura FFT (src/features/dsp/fft-f32.ts) behind eGeMAPS' formants: a correct DFT at every size, and,
 * with the resampler's float32 rounding, openSMILE's own 11 kHz frames, checked through the LSPs that IS10 computes
 * from the same chain (openSMILE's frame dumps: shared/data/emodb/opensmile/lld and emodb-resampled/lld).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWav } from '../../src/audio/wav.js';
import { smoothLevels } from '../../src/features/contour/smoother.js';
import { RealFft, nextPow2 } from '../../src/features/dsp/fft.js';
import { RealFftF32 } from '../../src/features/dsp/fft-f32.js';
import { framePlan, frameCount } from '../../src/features/dsp/framing.js';
import { makeLevel } from '../../src/features/dsp/level.js';
import { autoCorrF32, lpcDurbinF32 } from '../../src/features/dsp/lpc.js';
import { preemphasize } from '../../src/features/dsp/preemphasis.js';
import { hammingWindow } from '../../src/features/dsp/window.js';
import { SpecResampler, lpcToLsp } from '../../src/features/lld/is10-lsp.js';
import { sharedDir } from '../../src/util/paths.js';

test('RealFftF32 is the DFT to float32 rounding at sizes 4 to 8192, in RealFft.spectrum layout', () => {
  for (let n = 4; n <= 8192; n *= 2) {
    for (const symmetric of [true, false]) {
      const x = Float32Array.from({ length: Math.max(1, Math.floor(n * 0.7)) }, (_, i) =>
        Math.fround(0.3 * Math.sin(i * 0.37) + 0.2 * Math.cos(i * i * 0.011)),
      );
      const ours = new RealFftF32(n).spectrum(x, symmetric).slice();
      const ref = new RealFft(n).spectrum(x, symmetric);
      let diff = 0;
      let peak = 0;
      for (let i = 0; i < n + 2; i++) {
        diff = Math.max(diff, Math.abs(ours[i] - ref[i]));
        peak = Math.max(peak, Math.abs(ref[i]));
      }
      assert.ok(diff / peak < 3e-7, `n=${n}: max difference ${diff / peak} of the peak`);
      assert.equal(ours[1], 0);
      assert.equal(ours[n + 1], 0);
    }
  }
});

/** IS10's lspFreq_sma[0..7] from the float32 chain: pre-emphasis, Hamming, RealFftF32, float32 resampler, LPC 8, LSP. */
function lspFromFloatChain(samples: Float32Array, fs: number): { frames: number; data: Float32Array } {
  const { length: L, hop } = framePlan(0.025, 0.01, fs);
  const nfft = nextPow2(L);
  const fft = new RealFftF32(nfft);
  const res = new SpecResampler(nfft, L, fs, 11000, true);
  const win = hammingWindow(L);
  const N = frameCount(samples.length, L, hop);
  const level = makeLevel(
    N,
    8,
    Array.from({ length: 8 }, (_, i) => `lspFreq[${i}]`),
  );
  const pe = new Float32Array(L);
  const x = new Float32Array(res.nOut);
  const r = new Float32Array(9);
  const a = new Float32Array(8);
  const lsp = new Float32Array(8);
  for (let t = 0; t < N; t++) {
    preemphasize(samples, 0.97, pe, t * hop, L);
    for (let i = 0; i < L; i++) pe[i] = pe[i] * win[i];
    res.apply(fft.spectrum(pe, true), x);
    autoCorrF32(x, x.length, 8, r);
    lpcDurbinF32(r, 8, a);
    lpcToLsp(a, 8, lsp);
    level.data.set(lsp, t * 8);
  }
  return smoothLevels([level], false);
}

test("openSMILE's float32 FFT and resampler rounding reproduce its LSPs in every frame at 8 to 44.1 kHz", () => {
  const cases: [string, string][] = [
    [join('emodb', 'wav', '03a01Fa.wav'), join('emodb', 'opensmile', 'lld', '03a01Fa_IS10_lld.csv')],
    [join('emodb', 'wav', '08b02Tc.wav'), join('emodb', 'opensmile', 'lld', '08b02Tc_IS10_lld.csv')],
  ];
  for (const rate of [8000, 24000, 44100]) {
    const id = `14a02Wa_${rate}`;
    cases.push([join('emodb-resampled', 'wav', `${id}.wav`), join('emodb-resampled', 'lld', `${id}_IS10_lld.csv`)]);
  }
  for (const [wav, dump] of cases) {
    const lines = readFileSync(join(sharedDir(), 'data', dump), 'utf8')
      .trim()
      .split('\n');
    const names = lines[0].split(';').slice(2);
    const rows = lines.slice(1).map((l) => l.split(';').slice(2).map(Number));
    const w = readWav(join(sharedDir(), 'data', wav));
    const ours = lspFromFloatChain(w.samples, w.sampleRate);
    const frames = Math.min(rows.length, ours.frames);
    assert.ok(frames > 100, `${wav}: ${frames} frames`);
    let off = 0;
    for (let c = 0; c < 8; c++) {
      const col = names.indexOf(`lspFreq_sma[${c}]`);
      for (let t = 0; t < frames; t++) {
        const ref = rows[t][col];
        // the dumps print 7 significant digits
        if (Math.abs(ours.data[t * 8 + c] - ref) > 1e-6 * Math.max(1e-3, Math.abs(ref))) off++;
      }
    }
    assert.equal(off, 0, `${wav}: ${off} of ${8 * frames} LSP values differ from openSMILE's beyond print precision`);
  }
});
