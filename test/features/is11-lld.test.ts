/**
 * IS11 stage tests: every smoothed LLD and delta contour (spec 8) against openSMILE's frame dumps,
 * so that a regression points at its stage (auditory/RASTA spectrum, energy/ZCR, spectral, MFCC,
 * pitch/voicing, jitter/shimmer, smoothing, deltas). The dumps cover the M+1 frames of the
 * pitch-rate level (spec 1.4); the 20 ms levels are compared over the same rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readWav } from '../../src/audio/wav.js';
import { is11Levels } from '../../src/features/sets/is11.js';
import { DUMP_IDS, readDump, WAV_DIR } from './is11-golden.js';

const STAGES: [string, RegExp][] = [
  ['pitch (F0, voicing)', /^(F0final|voicingFinalUnclipped)_sma/],
  ['jitter/shimmer', /^(jitter|shimmer)/],
  ['auditory spectrum L1 means', /^audspec/],
  ['RMS energy / ZCR', /^pcm_(RMSenergy|zcr)/],
  ['RASTA auditory bands', /^audSpec_Rfilt/],
  ['spectral descriptors', /^pcm_fftMag_(fband|spectral)/],
  ['HTK MFCC', /^pcm_fftMag_mfcc/],
];

for (const id of DUMP_IDS) {
  test(`IS11 LLD contours match the openSMILE dump (${id})`, () => {
    const dump = readDump(id, 'IS11');
    const w = readWav(join(WAV_DIR, `${id}.wav`));
    const lv = is11Levels(w.samples, w.sampleRate);
    // spec 1.4: smoothed levels have M+1 (pitch) and N20+1 (20 ms) frames
    assert.equal(lv.Nz.frames, dump.frames, 'pitch-rate smoothed level length = dump length');
    assert.equal(lv.A.frames, lv.n20 + 1);
    const levels = [lv.Nz, lv.A, lv.B, lv.NzDe, lv.Ade, lv.Bde];
    const bad: string[] = [];
    let col = 0;
    for (const l of levels) {
      for (let d = 0; d < l.dims; d++, col++) {
        const name = dump.names[col];
        let maxErr = 0;
        let scale = 0;
        for (let t = 0; t < dump.frames; t++) {
          const r = dump.data[t * dump.dims + col];
          scale = Math.max(scale, Math.abs(r));
          maxErr = Math.max(maxErr, Math.abs(l.data[t * l.dims + d] - r));
        }
        // float32 pipeline vs oS's (float32 FFT) and 7-digit dump: 1e-4 of the contour's range
        if (maxErr > 1e-4 * Math.max(scale, 1e-30)) {
          const stage = STAGES.find(([, re]) => re.test(name))?.[0] ?? 'other';
          bad.push(`${stage}: ${name} max error ${maxErr.toExponential(2)} (scale ${scale.toExponential(2)})`);
        }
      }
    }
    assert.equal(col, dump.dims);
    assert.deepEqual(bad, []);
  });
}
