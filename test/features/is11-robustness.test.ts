/**
 * IS11 / IS09 / eGeMAPS on audio unlike EmoDB speech: digital silence, DC, white noise, very low level
 * noise, the shortest accepted input and another sample rate must give finite values of the right length;
 * shorter input is refused with a UserError (one-line message for the CLI).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../../src/util/errors.js';
import { extractIs09, is09Set } from '../../src/features/sets/is09.js';
import { extractIs11, is11Set } from '../../src/features/sets/is11.js';
import { EGEMAPS_IMPLEMENTED, egemapsNames, extractEgemaps, egemapsSet } from '../../src/features/sets/egemaps.js';

let seed = 12345;
const rnd = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648 - 0.5;
};
const signal = (n: number, g: (i: number) => number): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.fround(g(i)));

const CASES: [string, number, Float32Array][] = [
  ['silence', 16000, signal(16000, () => 0)],
  ['DC', 16000, signal(16000, () => 0.25)],
  ['white noise', 16000, signal(16000, () => rnd() * 0.5)],
  ['noise at -120 dB', 16000, signal(16000, () => rnd() * 1e-6)],
  ['shortest input', 16000, signal(is11Set.minSamples(16000), () => rnd() * 0.1)],
  ['8 kHz sine', 8000, signal(12000, (i) => 0.3 * Math.sin((2 * Math.PI * 150 * i) / 8000))],
];

const egNames = egemapsNames();
for (const [name, fs, x] of CASES) {
  test(`finite features for ${name}`, () => {
    const a = extractIs11(x, fs).values;
    assert.equal(a.length, 4368);
    assert.ok(a.every(Number.isFinite), 'IS11 values finite');
    const b = extractIs09(x, fs).values;
    assert.equal(b.length, 384);
    assert.ok(b.every(Number.isFinite), 'IS09 values finite');
    const c = extractEgemaps(x, fs).values;
    assert.equal(c.length, 88);
    assert.ok(
      c.every((v, i) => !EGEMAPS_IMPLEMENTED.has(egNames[i]) || Number.isFinite(v)),
      'eGeMAPS implemented values finite',
    );
  });
}

test('input shorter than the minimum is refused with a UserError', () => {
  for (const [set, fn] of [
    [is11Set, extractIs11],
    [is09Set, extractIs09],
    [egemapsSet, extractEgemaps],
  ] as const) {
    const x = new Float32Array(set.minSamples(16000) - 1);
    assert.throws(() => fn(x, 16000), UserError);
  }
});

test('silence gives zero energy statistics and no voiced frames', () => {
  const a = extractIs11(new Float32Array(16000), 16000).values;
  // F0 group: nnz (voiced fraction) is the first output of the last 12 (spec 9.2)
  assert.equal(a[4368 - 12], 0);
});
