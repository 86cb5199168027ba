import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWav, readWav } from '../../src/audio/wav.js';
import { encodeWav, type WavEncoding } from '../../src/audio/wav-write.js';
import { UserError } from '../../src/util/errors.js';
import { sharedDir } from '../../src/util/paths.js';

const emodb = (id: string): string => join(sharedDir(), 'data', 'emodb', 'wav', `${id}.wav`);

test('16-bit EmoDB file: int16/32767 in float32 (spec 1.2)', () => {
  const path = emodb('03a01Fa');
  const w = readWav(path);
  assert.equal(w.sampleRate, 16000);
  assert.equal(w.channels, 1);
  assert.equal(w.samples.length, 30372);
  const raw = readFileSync(path);
  // data chunk of these files starts at byte 44
  const dv = new DataView(raw.buffer, raw.byteOffset);
  for (const i of [0, 1000, 12345, 30371]) assert.equal(w.samples[i], Math.fround(dv.getInt16(44 + 2 * i, true) / 32767));
});

test('all encodings round-trip within their quantisation step', () => {
  const x = Float32Array.from({ length: 500 }, (_, i) => 0.8 * Math.sin(i / 7));
  const steps: Record<WavEncoding, number> = {
    pcm8: 1 / 127,
    pcm16: 1 / 32767,
    pcm24: 1 / (32767 * 256),
    pcm32: 1 / 2147483647,
    float32: 0,
  };
  for (const enc of Object.keys(steps) as WavEncoding[]) {
    const w = decodeWav(encodeWav([x], 22050, enc), enc);
    assert.equal(w.sampleRate, 22050);
    assert.equal(w.samples.length, 500);
    let maxErr = 0;
    for (let i = 0; i < 500; i++) maxErr = Math.max(maxErr, Math.abs(w.samples[i] - x[i]));
    assert.ok(maxErr <= steps[enc] * 0.51 + 1e-7, `${enc}: max error ${maxErr}`);
  }
});

test('stereo is mixed down as (sum / nChan) / 32767 in float32', () => {
  const a = Float32Array.from([0.5, -0.25, 0.1]);
  const b = Float32Array.from([-0.5, 0.75, 0.3]);
  const w = decodeWav(encodeWav([a, b], 8000, 'pcm16'), 'st');
  assert.equal(w.channels, 2);
  const f = Math.fround;
  for (let i = 0; i < 3; i++) {
    const s = f(Math.round(a[i] * 32767) + Math.round(b[i] * 32767));
    assert.equal(w.samples[i], f(f(s / 2) / 32767));
  }
});

test('bad input throws a UserError naming the file and the reason', () => {
  const good = encodeWav([new Float32Array(100)], 16000, 'pcm16');
  const cases: [Uint8Array, RegExp][] = [
    [new Uint8Array(0), /empty/],
    [new TextEncoder().encode('hello world, not a wav file at all'), /not a RIFF WAV/],
    [good.subarray(0, 100), /truncated/],
    [good.subarray(0, 30), /fmt chunk/],
  ];
  const zeroCh = good.slice();
  new DataView(zeroCh.buffer).setUint16(22, 0, true);
  cases.push([zeroCh, /zero channels/]);
  const alaw = good.slice();
  new DataView(alaw.buffer).setUint16(20, 6, true);
  cases.push([alaw, /unsupported WAV encoding/]);
  const f64 = good.slice();
  new DataView(f64.buffer).setUint16(20, 3, true);
  cases.push([f64, /unsupported float/]);
  for (const [bytes, re] of cases) {
    assert.throws(
      () => decodeWav(bytes, 'bad.wav'),
      (e: unknown) => e instanceof UserError && /^bad\.wav: /.test(e.message) && re.test(e.message),
    );
  }
  assert.throws(
    () => readWav('/nonexistent/x.wav'),
    (e: unknown) => e instanceof UserError && /no such file/.test((e as Error).message),
  );
});
