import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iemocapCorpus, parseIemocapId } from '../../src/data/iemocap-corpus.js';
import { emodbCorpus, emodbSummary } from '../../src/data/emodb-corpus.js';
import { sharedDir } from '../../src/util/paths.js';
import { writeIemocapTree } from './iemocap-fixture.js';

test('IEMOCAP ids: speaker is the letter before the turn number, not the dialog letter', () => {
  assert.deepEqual(parseIemocapId('Ses03M_impro05a_F012'), {
    session: 3,
    dialog: 'Ses03M_impro05a',
    speaker: 'Ses03F',
    gender: 'F',
    type: 'impro',
  });
  assert.equal(parseIemocapId('Ses05F_script01_1b_M004')?.type, 'script');
  assert.equal(parseIemocapId('Ses05F_script01_1b_M004')?.dialog, 'Ses05F_script01_1b');
  assert.equal(parseIemocapId('nonsense'), null);
});

test('IEMOCAP release tree built from the real metadata: 4490 utterances (4 classes), 5531 with excited merged into happy', () => {
  const root = mkdtempSync(join(tmpdir(), 'adan-iemocap-'));
  try {
    const { dialogs, wavs } = writeIemocapTree(root, { wavsPerDialog: 1 });
    assert.equal(dialogs, 151);
    const all = iemocapCorpus(root, { fourClass: false });
    assert.equal(all.length, 10039);
    const four = iemocapCorpus(root);
    assert.equal(four.length, 4490);
    const counts: Record<string, number> = {};
    for (const u of four) counts[u.label] = (counts[u.label] ?? 0) + 1;
    assert.deepEqual(counts, { ang: 1103, hap: 595, neu: 1708, sad: 1084 });
    const merged = iemocapCorpus(root, { mergeExcited: true });
    assert.equal(merged.length, 5531);
    assert.equal(merged.filter((u) => u.label === 'hap').length, 595 + 1041);
    // sessions, speakers (10 actors), improvised vs scripted agree with utterances.csv
    const csv = readFileSync(join(sharedDir(), 'data', 'iemocap', 'utterances.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const ref = new Map(csv.map((c) => [c[0], c]));
    for (const u of all) {
      const c = ref.get(u.id)!;
      assert.equal(String(u.session), c[1]);
      assert.equal(u.speaker, c[3]);
      assert.equal(u.type, c[5]);
      assert.equal(u.label, c[6]);
    }
    assert.equal(new Set(all.map((u) => u.speaker)).size, 10);
    assert.equal(four.filter((u) => u.type === 'impro').length, four.filter((u) => ref.get(u.id)![5] === 'impro').length);
    // audio paths follow the release layout; requireAudio keeps the turns whose WAV exists
    const withAudio = iemocapCorpus(root, { fourClass: false, requireAudio: true });
    assert.equal(withAudio.length, wavs.length);
    assert.ok(withAudio.every((u) => wavs.includes(u.wav)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('EmoDB corpus from the real WAV folder: 535 files, 10 speakers, class counts, checksums verified', () => {
  const c = emodbCorpus(join(sharedDir(), 'data', 'emodb'));
  assert.equal(c.checksums, 'ok');
  const s = emodbSummary(c);
  assert.equal(s.files, 535);
  assert.equal(s.speakers.length, 10);
  assert.deepEqual(s.counts, { anger: 127, boredom: 81, disgust: 46, fear: 69, happiness: 71, neutral: 79, sadness: 62 });
  assert.ok(s.complete);
  const f = c.files.find((x) => x.id === '08a01Fd')!;
  assert.equal(f.gender, 'female');
  assert.equal(f.label, 'happiness');
});

test('EmoDB: a modified WAV fails its checksum with a one-line error naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adan-emodb-'));
  try {
    mkdirSync(join(dir, 'wav'));
    const src = join(sharedDir(), 'data', 'emodb', 'wav');
    copyFileSync(join(src, '03a01Fa.wav'), join(dir, 'wav', '03a01Fa.wav'));
    copyFileSync(join(src, '03a01Nc.wav'), join(dir, 'wav', '03a01Nc.wav'));
    const sums = readFileSync(join(sharedDir(), 'data', 'emodb', 'SHA256SUMS'), 'utf8');
    writeFileSync(join(dir, 'SHA256SUMS'), sums);
    assert.equal(emodbCorpus(dir).files.length, 2);
    const b = readFileSync(join(dir, 'wav', '03a01Nc.wav'));
    b[b.length - 1] ^= 1;
    writeFileSync(join(dir, 'wav', '03a01Nc.wav'), b);
    assert.throws(() => emodbCorpus(dir), /03a01Nc\.wav: checksum mismatch/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
