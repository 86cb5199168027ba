// WAVs with chunks before and after `data` (JUNK, LIST, bext, id3, and RF64's ds64) read the same samples and the
// same features as the plain file through every reading path: bytes, file, the async decoder, the extractor in this
// thread and the CLI's worker pool.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeAudio, readAudioFile } from '../../src/audio/decode.js';
import { decodeWav, readWav } from '../../src/audio/wav.js';
import { encodeWav } from '../../src/audio/wav-write.js';
import { extractFeatures, extractFeaturesAsync } from '../../src/features/extract.js';
import { runCli } from '../cli/harness.js';

const RATE = 16000;

function voiced(n: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 140 * i) / RATE) * Math.sin((Math.PI * i) / n));
}

function chunk(id: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + body.length + (body.length % 2));
  for (let i = 0; i < 4; i++) out[i] = id.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, body.length, true);
  out.set(body, 8);
  return out;
}

/** The parts end to end, in a fresh buffer of their own (DataViews below address it from byte 0). */
const concat = (parts: Uint8Array[]): Uint8Array => Uint8Array.from(Buffer.concat(parts));

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
/** An ID3v2 tag as some tools append it ('id3 ' chunk), odd-sized so a pad byte follows. */
const id3 = (): Uint8Array => chunk('id3 ', concat([text('ID3'), new Uint8Array([4, 0, 0, 0, 0, 0, 0]), text('x')]));

/** The plain file's fmt and data chunks rearranged: `before` chunks ahead of fmt, `after` chunks behind data. */
function rearranged(plain: Uint8Array, o: { rf64?: boolean; before?: Uint8Array[]; after?: Uint8Array[] }): Uint8Array {
  const fmt = plain.slice(12, 36);
  const data = plain.slice(36);
  const dataSize = data.length - 8;
  const before = [...(o.before ?? [])];
  if (o.rf64) {
    const ds64 = new Uint8Array(28);
    new DataView(ds64.buffer).setUint32(8, dataSize, true); // dataSize, low word (high word 0)
    before.unshift(chunk('ds64', ds64));
    new DataView(data.buffer).setUint32(4, 0xffffffff, true);
  }
  const out = concat([plain.slice(0, 12), ...before, fmt, data, ...(o.after ?? [])]);
  const dv = new DataView(out.buffer);
  if (o.rf64) {
    out.set(text('RF64'), 0);
    dv.setUint32(4, 0xffffffff, true);
  } else dv.setUint32(4, out.length - 8, true);
  return out;
}

const variants = (plain: Uint8Array): [string, Uint8Array][] => [
  ['JUNK and LIST before fmt', rearranged(plain, { before: [chunk('JUNK', new Uint8Array(28)), chunk('LIST', text('INFOISFTadan'))] })],
  ['LIST and id3 after data', rearranged(plain, { after: [chunk('LIST', text('INFOICMT\x03\x00\x00\x00ok\x00')), id3()] })],
  [
    'RF64 with ds64, bext before, a long LIST (more than a frame step of samples) and id3 after',
    rearranged(plain, {
      rf64: true,
      before: [chunk('bext', new Uint8Array(7))],
      after: [chunk('LIST', text('INFOICMT' + 'x'.repeat(1000))), id3()],
    }),
  ],
];

test('extra chunks before fmt and after data: identical samples from bytes, from the file and from the async decoder', async () => {
  const plain = encodeWav([voiced(4001)], RATE, 'pcm16');
  const ref = decodeWav(plain, 'plain.wav').samples;
  const dir = mkdtempSync(join(tmpdir(), 'adan-wav-chunks-'));
  try {
    for (const [what, bytes] of variants(plain)) {
      const path = join(dir, 'x.wav');
      writeFileSync(path, bytes);
      assert.deepEqual(decodeWav(bytes, 'x.wav').samples, ref, what);
      assert.deepEqual(readWav(path).samples, ref, what);
      assert.deepEqual((await decodeAudio(bytes, 'x.wav')).samples, ref, what);
      assert.deepEqual((await readAudioFile(path)).samples, ref, what);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'a data chunk of size 0 followed by chunks is empty (not the following ' +
    'chunks read as audio); streamed size 0 still reads to the end',
  () => {
    const plain = encodeWav([voiced(400)], RATE, 'pcm16');
    const empty = concat([
      plain.slice(0, 36),
      chunk('data', new Uint8Array(0)),
      chunk('LIST', text('INFOICMT\x03\x00\x00\x00ok\x00')),
      id3(),
    ]);
    assert.equal(decodeWav(empty, 'e.wav').samples.length, 0);
    const streamed = plain.slice();
    new DataView(streamed.buffer).setUint32(40, 0, true);
    assert.deepEqual(decodeWav(streamed, 's.wav').samples, decodeWav(plain, 'p.wav').samples);
  },
);

test('RF64 whose ds64 declares more data than the file holds is a one-line truncation error', () => {
  const plain = encodeWav([voiced(400)], RATE, 'pcm16');
  const rf = rearranged(plain, { rf64: true });
  new DataView(rf.buffer).setUint32(12 + 8 + 8, 10 ** 6, true); // ds64 dataSize
  assert.throws(() => decodeWav(rf, 'r.wav'), /r\.wav: truncated: data chunk declares 1000000 bytes, only 800 present$/);
});

test('the same IS09 features from the plain and the rearranged files: in this thread, async, and in the CLI worker pool', async () => {
  const plain = encodeWav([voiced(16000)], RATE, 'pcm16');
  const dir = mkdtempSync(join(tmpdir(), 'adan-wav-chunks-'));
  try {
    const paths = [join(dir, 'plain.wav')];
    writeFileSync(paths[0], plain);
    variants(plain).forEach(([, bytes], i) => {
      paths.push(join(dir, `v${i}.wav`));
      writeFileSync(paths[i + 1], bytes);
    });
    const ref = extractFeatures(paths[0], 'IS09').values;
    for (const p of paths.slice(1)) {
      assert.deepEqual(extractFeatures(p, 'IS09').values, ref, p);
      assert.deepEqual((await extractFeaturesAsync(p, 'IS09')).values, ref, p);
    }
    const out = join(dir, 'f.csv');
    const r = await runCli(['extract', ...paths, '--set', 'IS09', '-o', out, '--jobs', '2']);
    assert.equal(r.code, 0, r.stderr);
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    assert.equal(rows.length, paths.length);
    const values = rows.map((l) => l.split(';').slice(2).join(';'));
    for (const v of values) assert.equal(v, values[0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
