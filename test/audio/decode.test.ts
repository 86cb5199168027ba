import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeAudio, readAudioFile } from '../../src/audio/decode.js';
import { decodeWav } from '../../src/audio/wav.js';
import { encodeWav } from '../../src/audio/wav-write.js';
import { UserError } from '../../src/util/errors.js';

// tests run from dist/test/audio; fixtures stay in the source tree (made by scripts/make-audio-fixtures.sh)
const fixturePath = (f: string): string => join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'audio', f);

function tone(n: number, rate: number, hz: number, amp = 0.5): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate));
}

/** Share of the signal's energy at the given frequencies (Goertzel), for lossy decoders. */
function toneShare(x: Float32Array, rate: number, freqs: number[]): number {
  let total = 0;
  for (const v of x) total += v * v;
  let tones = 0;
  for (const hz of freqs) {
    let re = 0;
    let im = 0;
    for (let i = 0; i < x.length; i++) {
      re += x[i] * Math.cos((2 * Math.PI * hz * i) / rate);
      im -= x[i] * Math.sin((2 * Math.PI * hz * i) / rate);
    }
    tones += (2 * (re * re + im * im)) / x.length;
  }
  return tones / total;
}

function snrDb(ref: Float32Array, x: Float32Array): number {
  let s = 0;
  let e = 0;
  for (let i = 0; i < ref.length; i++) {
    s += ref[i] * ref[i];
    e += (ref[i] - x[i]) ** 2;
  }
  return 10 * Math.log10(s / e);
}

test('AIFF named .wav is decoded as AIFF, sample-identical to the WAV it was made from', async () => {
  const wav = await readAudioFile(fixturePath('tone.wav'));
  const aiff = await readAudioFile(fixturePath('aiff-named.wav'));
  assert.equal(aiff.format, 'aiff');
  assert.equal(aiff.sampleRate, 16000);
  assert.equal(aiff.channels, 2);
  assert.deepEqual(aiff.samples, wav.samples);
});

test('MP3 (lame 64 kbit/s) and Ogg Vorbis (oggenc q3, stb_vorbis): rate, channels, length, and SNR against the source', async () => {
  const wav = await readAudioFile(fixturePath('tone.wav'));
  for (const [file, format, minSnr] of [
    ['tone.mp3', 'mp3', 15],
    ['tone.ogg', 'ogg-vorbis', 25],
  ] as const) {
    const lossy = await readAudioFile(fixturePath(file));
    assert.equal(lossy.format, format);
    assert.equal(lossy.sampleRate, 16000);
    assert.equal(lossy.channels, 2);
    assert.equal(lossy.samples.length, wav.samples.length);
    const snr = snrDb(wav.samples, lossy.samples);
    assert.ok(snr > minSnr, `${file}: SNR ${snr.toFixed(1)} dB`);
  }
});

test('Ogg Opus: 48 kHz, 2 channels, 0.5 s, energy at 440 and 660 Hz above 95 %', async () => {
  const opus = await readAudioFile(fixturePath('tone.opus'));
  assert.equal(opus.format, 'ogg-opus');
  assert.equal(opus.sampleRate, 48000);
  assert.equal(opus.channels, 2);
  assert.equal(opus.samples.length, 24000);
  const share = toneShare(opus.samples.subarray(2400, 21600), 48000, [440, 660]);
  assert.ok(share > 0.95, `tone share ${share}`);
});

test('a cut Ogg Vorbis file and an Ogg of another codec are one-line errors naming the file', async () => {
  const ogg = readFileSync(fixturePath('tone.ogg'));
  await assert.rejects(
    decodeAudio(ogg.subarray(0, 3000), 'cut.ogg'),
    (e: unknown) => e instanceof UserError && e.message === 'cut.ogg: invalid or truncated Ogg Vorbis stream (stb_vorbis cannot decode it)',
  );
  const other = readFileSync(fixturePath('tone.opus'));
  other.set(new TextEncoder().encode('Xpus'), other.indexOf('OpusHead')); // an identification packet no decoder claims
  await assert.rejects(
    decodeAudio(other, 'theora.ogg'),
    (e: unknown) =>
      e instanceof UserError && /^theora\.ogg: Ogg with a codec other than Opus, Vorbis or FLAC is not supported/.test(e.message),
  );
});

test('unknown content: one-line UserError saying what the file looks like', async () => {
  const html = new TextEncoder().encode('<html><body>404</body></html>');
  await assert.rejects(
    decodeAudio(html, 'x.wav'),
    (e: unknown) => e instanceof UserError && e.message === "x.wav: not audio (starts with '<html><body>')",
  );
  await assert.rejects(decodeAudio(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), 'y.mp3'), /y\.mp3: not audio \(starts with bytes 01 02 03/);
  await assert.rejects(decodeAudio(new Uint8Array(0), 'z.wav'), /z\.wav: empty file$/);
});

/** A WAV with chunks inserted before and after `data`, and optionally a streamed (unpatched) data size. */
function withChunks(wav: Uint8Array, streamedSize: number | null): Uint8Array {
  const fmtEnd = 36;
  const chunk = (id: string, body: Uint8Array): Uint8Array => {
    const out = new Uint8Array(8 + body.length + (body.length % 2));
    for (let i = 0; i < 4; i++) out[i] = id.charCodeAt(i);
    new DataView(out.buffer).setUint32(4, body.length, true);
    out.set(body, 8);
    return out;
  };
  const list = chunk('LIST', new TextEncoder().encode('INFOISFT\x05\x00\x00\x00adan\x00'));
  const odd = chunk('bext', new Uint8Array(7).fill(0x41)); // odd size: one pad byte follows
  const fact = chunk('fact', new Uint8Array([1, 0, 0, 0]));
  const data = wav.slice(fmtEnd);
  if (streamedSize !== null) new DataView(data.buffer).setUint32(4, streamedSize, true);
  const after = streamedSize === null ? chunk('LIST', new TextEncoder().encode('INFOICMT\x03\x00\x00\x00ok\x00')) : new Uint8Array(0);
  const parts = [wav.slice(0, fmtEnd), list, odd, fact, data, after];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  new DataView(out.buffer).setUint32(4, out.length - 8, true);
  return out;
}

test('WAV with LIST/bext(odd, padded)/fact chunks before data and LIST after; streamed sizes 0 and 0xFFFFFFFF', async () => {
  const x = tone(1001, 16000, 300);
  const plain = encodeWav([x], 16000, 'pcm16');
  const ref = decodeWav(plain, 'plain').samples;
  for (const size of [null, 0, 0xffffffff]) {
    const a = await decodeAudio(withChunks(plain, size), 'chunky.wav');
    assert.equal(a.samples.length, 1001, `size field ${size}`);
    assert.deepEqual(a.samples, ref);
  }
});

test('mono, stereo and 6-channel at 8 to 96 kHz: openSMILE mix-down (mean of channels) at the file rate', async () => {
  for (const rate of [8000, 11025, 22050, 44100, 48000, 96000]) {
    for (const nc of [1, 2, 6]) {
      const n = Math.floor(rate / 100);
      const chans = Array.from({ length: nc }, (_, c) => tone(n, rate, 100 * (c + 1), 0.1 * (c + 1)));
      const a = await decodeAudio(encodeWav(chans, rate, 'pcm16'), `r${rate}c${nc}.wav`);
      assert.equal(a.sampleRate, rate);
      assert.equal(a.channels, nc);
      assert.equal(a.samples.length, n);
      for (const i of [1, 17, n - 1]) {
        const mean = chans.reduce((s, ch) => s + Math.round(ch[i] * 32767), 0) / nc / 32767;
        assert.ok(Math.abs(a.samples[i] - mean) < 1e-6, `rate ${rate} channels ${nc} sample ${i}`);
      }
    }
  }
});

test('RF64 header (streamed, sizes in ds64) is read like RIFF', async () => {
  const plain = encodeWav([tone(500, 16000, 200)], 16000, 'pcm16');
  const rf = plain.slice();
  rf.set([0x52, 0x46, 0x36, 0x34], 0); // 'RF64'
  const dv = new DataView(rf.buffer);
  dv.setUint32(4, 0xffffffff, true);
  dv.setUint32(40, 0xffffffff, true);
  const a = await decodeAudio(rf, 'x.rf64');
  assert.deepEqual(a.samples, decodeWav(plain, 'p').samples);
});

test('file on disk with a misleading extension and I/O errors name the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-decode-'));
  const p = join(dir, 'speech.mp3');
  writeFileSync(p, encodeWav([tone(300, 8000, 100)], 8000, 'pcm16'));
  assert.equal((await readAudioFile(p)).format, 'wav');
  await assert.rejects(readAudioFile(join(dir, 'missing.flac')), /missing\.flac: no such file/);
});

test('extractFeaturesAsync reads MP3 (features = those of the decoded samples); the sync path says it needs the async one', async () => {
  const { extractFeatures, extractFeaturesAsync } = await import('../../src/features/extract.js');
  const path = fixturePath('tone.mp3');
  const r = await extractFeaturesAsync(path, 'IS09');
  assert.equal(r.name, 'tone');
  const decoded = await readAudioFile(path);
  assert.deepEqual(r.values, extractFeatures({ samples: decoded.samples, sampleRate: decoded.sampleRate }, 'IS09').values);
  assert.throws(
    () => extractFeatures(path, 'IS09'),
    (e: unknown) => e instanceof UserError && /tone\.mp3: compressed audio needs the async reader/.test(e.message),
  );
});
