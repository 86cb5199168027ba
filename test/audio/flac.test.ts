import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeAudio, decodeAudioSync, readAudioFile } from '../../src/audio/decode.js';
import { sniffAudio } from '../../src/audio/sniff.js';
import { decodeWav } from '../../src/audio/wav.js';
import { UserError } from '../../src/util/errors.js';
import { intWav, writeFlac, type FrameSpec, type StreamSpec } from './flac-writer.js';

// tests run from dist/test/audio; fixtures stay in the source tree (made by scripts/make-audio-fixtures.sh)
const fixturePath = (f: string): string => join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'audio', f);

/** The FLAC fixtures `flac` (libFLAC 1.4) made from the WAV of the same name, with the rate and channels of both. */
const ENCODED: readonly [string, number, number][] = [
  ['tone.flac', 16000, 2],
  ['flac/s24-44k.flac', 44100, 2],
  ['flac/s24-44k.oga', 44100, 2],
  ['flac/s20-16k.flac', 16000, 2],
  ['flac/m12-12345.flac', 12345, 1],
  ['flac/m12-12345.oga', 12345, 1],
  ['flac/s32-22k.flac', 22050, 2],
  ['flac/c6-8k.flac', 8000, 6],
  ['flac/m8-48k.flac', 48000, 1],
  ['flac/quiet-8k.flac', 8000, 2],
];

test('FLAC and Ogg FLAC from libFLAC (8/12/16/20/24/32-bit, 1/2/6 channels) decode to exactly the samples of their WAV', async () => {
  for (const [file, rate, channels] of ENCODED) {
    const wav = decodeWav(readFileSync(fixturePath(file.replace(/\.(flac|oga)$/, '.wav'))), 'wav');
    const flac = await readAudioFile(fixturePath(file));
    assert.equal(flac.format, 'flac', file);
    assert.equal(flac.sampleRate, rate, file);
    assert.equal(flac.channels, channels, file);
    assert.equal(flac.samples.length, wav.samples.length, file);
    assert.deepEqual(flac.samples, wav.samples, file);
  }
});

/** A deterministic speech-like 16-bit signal: two partials and a little hash noise. */
function signal(n: number, seed: number, amp = 8000): number[] {
  return Array.from({ length: n }, (_, i) =>
    Math.round(amp * Math.sin(i * 0.21 + seed) + (amp / 4) * Math.sin(i * 0.57 * seed) + (((i + seed) * 7919) % 61) - 30),
  );
}

/** Decodes `spec` written as FLAC and asserts it equals the WAV of the same integers (bytesPerSample containers). */
async function assertRoundTrip(spec: StreamSpec, bytesPerSample: number, label: string, bytes = writeFlac(spec)): Promise<void> {
  const channels = spec.frames[0].samples.map((_, c) => spec.frames.flatMap((f) => f.samples[c]));
  const want = decodeWav(intWav(channels, spec.rate, bytesPerSample), 'ref');
  const got = await decodeAudio(bytes, `${label}.flac`);
  assert.equal(got.format, 'flac', label);
  assert.equal(got.sampleRate, spec.rate, label);
  assert.equal(got.channels, channels.length, label);
  assert.deepEqual(got.samples, want.samples, label);
}

test('hand-made FLAC: CONSTANT, VERBATIM, FIXED 0-4 and LPC subframes; Rice, Rice2 and escaped partitions; wasted bits', async () => {
  const x = signal(64, 1);
  const step = [...new Array<number>(16).fill(500), ...signal(48, 2)]; // the first partition's residual is all zero
  const frames: FrameSpec[] = [
    { samples: [new Array<number>(32).fill(1234)], subframes: [{ kind: 'constant' }], blockSizeAtEnd: 8 },
    { samples: [signal(40, 3)], subframes: [{ kind: 'verbatim' }], blockSizeAtEnd: 16 },
    ...[0, 1, 2, 3, 4].map((order): FrameSpec => ({
      samples: [x],
      subframes: [{ kind: 'fixed', order, residual: { method: 0, partitionOrder: 2, partitions: [11, { escapeBits: 20 }, 9, 14] } }],
    })),
    {
      samples: [step],
      subframes: [{ kind: 'fixed', order: 1, residual: { method: 0, partitionOrder: 2, partitions: [{ escapeBits: 0 }, 12, 12, 12] } }],
    },
    {
      samples: [x],
      subframes: [
        { kind: 'lpc', coefs: [29, -22, 7], precision: 6, shift: 4, residual: { method: 1, partitionOrder: 1, partitions: [17, 20] } },
      ],
    },
    {
      samples: [signal(64, 1, 1000).map((v) => v * 8)],
      subframes: [{ kind: 'fixed', order: 2, wasted: 3, residual: { method: 1, partitionOrder: 0, partitions: [10] } }],
    },
    { samples: [new Array<number>(64).fill(-4096)], subframes: [{ kind: 'constant', wasted: 12 }] },
  ];
  await assertRoundTrip({ rate: 16000, bitsPerSample: 16, frames }, 2, 'tools');
});

test('hand-made FLAC: independent, left/side, side/right and mid/side stereo at 16, 24 and 32 bits (33-bit side)', async () => {
  for (const [bits, amp] of [
    [16, 12000],
    [24, 3_000_000],
    [32, 1_000_000_000],
  ]) {
    const l = signal(96, 4, amp);
    const r = signal(96, 5, amp).map((v) => -v); // opposite signs: |left - right| needs the side channel's extra bit
    const frames = (['independent', 'left-side', 'side-right', 'mid-side'] as const).map((stereo): FrameSpec => ({
      samples: [l, r],
      stereo,
      subframes: [
        {
          kind: 'fixed',
          order: 2,
          residual: { method: 1, partitionOrder: 1, partitions: [bits - 4, bits === 32 ? bits - 3 : { escapeBits: bits + 2 }] },
        },
        bits === 32
          ? { kind: 'verbatim' }
          : { kind: 'lpc', coefs: [1, 0], precision: 3, shift: 0, residual: { method: 1, partitionOrder: 0, partitions: [bits - 2] } },
      ],
    }));
    await assertRoundTrip({ rate: 44100, bitsPerSample: bits, frames }, bits / 8, `stereo${bits}`);
  }
});

test('hand-made FLAC: variable blocking, rates coded in kHz, Hz and tens of Hz or only in STREAMINFO, extra metadata', async () => {
  const frames: FrameSpec[] = [100, 37, 256, 4000].map((n, i) => ({
    samples: [signal(n, 6 + i, 70)],
    subframes: [{ kind: 'fixed', order: 2, residual: { method: 0, partitionOrder: 0, partitions: [5] } }],
  }));
  for (const [rate, rateCoding] of [
    [48000, 'khz'],
    [12345, 'hz'],
    [22050, 'tens'],
    [11025, 'streaminfo'],
  ] as const) {
    await assertRoundTrip({ rate, bitsPerSample: 8, frames, rateCoding, variable: true, padding: 300 }, 1, `rate${rate}`);
  }
});

test('FLAC after an ID3v2 tag, and with an ID3v1 tag after the last frame, is recognised and decoded', async () => {
  const flac = readFileSync(fixturePath('tone.flac'));
  const id3 = Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 20, ...new Array<number>(20).fill(0x20)]);
  const tagged = Buffer.concat([id3, flac]);
  assert.equal(sniffAudio(tagged), 'flac');
  const wav = decodeWav(readFileSync(fixturePath('tone.wav')), 'wav');
  assert.deepEqual((await decodeAudio(tagged, 'tagged.flac')).samples, wav.samples);
  // with the total length unknown (0 in STREAMINFO) the decoder reads to the end: a 128-byte ID3v1 tag there is skipped
  const spec: StreamSpec = {
    rate: 8000,
    bitsPerSample: 16,
    totalSamples: 0,
    frames: [{ samples: [signal(50, 9)], subframes: [{ kind: 'verbatim' }] }],
  };
  const tail = Buffer.concat([writeFlac(spec), Buffer.from('TAG'), Buffer.alloc(125)]);
  await assertRoundTrip(spec, 2, 'id3v1', tail);
  // an MP3 behind an ID3v2 tag stays MP3
  assert.equal(sniffAudio(Buffer.concat([id3, readFileSync(fixturePath('tone.mp3'))])), 'mp3');
});

/** Asserts a one-line UserError "<name>: invalid FLAC file: <problem matching re>". */
async function assertFlacError(bytes: Uint8Array, name: string, re: RegExp): Promise<void> {
  await assert.rejects(decodeAudio(bytes, name), (e: unknown) => {
    assert.ok(e instanceof UserError, String(e));
    assert.ok(!e.message.includes('\n'), e.message);
    assert.ok(e.message.startsWith(`${name}: invalid `), e.message);
    assert.match(e.message, re);
    return true;
  });
}

test('truncated or damaged FLAC: one-line UserError naming the file and the problem, never different audio', async () => {
  const flac = readFileSync(fixturePath('tone.flac'));
  await assertFlacError(flac.subarray(0, Math.floor(flac.length * 0.6)), 'cut.flac', /truncated/);
  await assertFlacError(flac.subarray(0, 30), 'head.flac', /truncated in a metadata block/);
  const wrongMd5 = Buffer.from(flac);
  wrongMd5[4 + 4 + 18 + 5] ^= 0x40; // STREAMINFO's MD5 signature of the audio starts at its byte 18
  await assertFlacError(wrongMd5, 'md5.flac', /the decoded audio does not match the MD5 signature in STREAMINFO$/);
  const oga = readFileSync(fixturePath('flac/s24-44k.oga'));
  await assertFlacError(oga.subarray(0, oga.length - 2000), 'cut.oga', /invalid Ogg FLAC file: truncated: \d+ of the 1323 samples/);
  // one bit flipped in a VERBATIM sample changes no structure: only the frame's CRC-16 can tell
  const spec: StreamSpec = { rate: 8000, bitsPerSample: 16, frames: [{ samples: [signal(200, 7)], subframes: [{ kind: 'verbatim' }] }] };
  const good = writeFlac(spec);
  const bad = good.slice();
  bad[bad.length - 100] ^= 0x10;
  await assertFlacError(bad, 'bitflip.flac', /frame at byte 42 fails its CRC-16 check/);
  const badHeader = good.slice();
  badHeader[42 + 2] ^= 0x01; // the frame header's sample-rate code
  await assertFlacError(badHeader, 'header.flac', /frame header at byte 42 fails its CRC-8 check/);
  // with the length unknown, bytes after the last frame that are no frame (nor an ID3v1 tag) are an error
  const unknownLength = writeFlac({ ...spec, totalSamples: 0 });
  await assertFlacError(
    Buffer.concat([unknownLength, Buffer.from('junk after the frames')]),
    'junk.flac',
    new RegExp(`no frame sync code at byte ${unknownLength.length}$`),
  );
  const noInfo = good.slice();
  noInfo[4] = 0x84; // the first metadata block claims to be a Vorbis comment
  await assertFlacError(noInfo, 'noinfo.flac', /the first metadata block is not STREAMINFO/);
});

test('FLAC is decoded synchronously: extractFeatures on a .flac gives the feature row of its WAV', async () => {
  const { extractFeatures } = await import('../../src/features/extract.js');
  const flac = decodeAudioSync(readFileSync(fixturePath('tone.flac')), 'tone.flac');
  assert.equal(flac?.format, 'flac');
  const fromFlac = extractFeatures(fixturePath('tone.flac'), 'IS09');
  const fromWav = extractFeatures(fixturePath('tone.wav'), 'IS09');
  assert.equal(fromFlac.name, 'tone');
  assert.deepEqual(fromFlac.values, fromWav.values);
});
