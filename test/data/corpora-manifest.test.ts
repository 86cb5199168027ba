import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readManifest } from '../../src/data/corpora/index.js';
import { speakerGroups } from '../../src/experiments/speaker-folds.js';
import { writeTree } from './corpora-fixture.js';

test('manifest: relative paths against its folder, ids from the relative path, all columns kept, fold column', () => {
  const d = mkdtempSync(join(tmpdir(), 'adan-manifest-'));
  try {
    writeTree(d, ['audio/s1/x.wav', 'audio/s2/x.wav']);
    const m = join(d, 'm.csv');
    writeFileSync(m, `path;label;speaker;session;note\naudio/s1/x.wav;angry;s1;1;"a;b"\n${join(d, 'audio/s2/x.wav')};sad;s2;2;\n`);
    const r = readManifest(m);
    assert.equal(r.pathColumn, 'path');
    assert.equal(r.groupColumn, 'speaker');
    assert.deepEqual(
      r.rows.map((x) => x.id),
      ['audio/s1/x', 'audio/s2/x'],
    );
    assert.equal(r.rows[0].path, join(d, 'audio/s1/x.wav'));
    assert.deepEqual(r.rows[0].values, { path: 'audio/s1/x.wav', label: 'angry', speaker: 's1', session: '1', note: 'a;b' });
    writeFileSync(m, 'file,label,group,fold\naudio/s1/x.wav,angry,g1,A\naudio/s2/x.wav,sad,g2,B\n');
    assert.equal(readManifest(m).groupColumn, 'fold');
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('bad manifests: one-line errors naming the manifest, the line and the problem', () => {
  const d = mkdtempSync(join(tmpdir(), 'adan-manifest-'));
  try {
    writeTree(d, ['a.wav', 'b.wav']);
    const m = join(d, 'm.csv');
    const cases: [string, RegExp][] = [
      ['path,speaker\na.wav,s1\n', /m\.csv: no 'label' column \(columns: path, speaker\)/],
      ['label,speaker\nangry,s1\n', /m\.csv: no file path \(path \/ file \/ filename \/ wav\) column/],
      ['path,label\na.wav,angry\n', /m\.csv: no 'speaker' or 'group' column/],
      ['path,label,speaker\na.wav,angry,s1\nc.wav,sad,s2\n', /m\.csv line 3: missing file 'c\.wav'/],
      ['path,label,speaker\na.wav,angry,s1\n\nb.wav,,s2\n', /m\.csv line 4: empty label/],
      [
        'path,label,speaker\na.wav,angry,s1\nb.wav,sad,s2\n./a.wav,sad,s3\n',
        /m\.csv line 4: duplicate path '\.\/a\.wav' \(also on line 2\)/,
      ],
      ['path,label,speaker\na.wav,angry\n', /m\.csv: not a valid CSV/],
      ['path,label,speaker,name\na.wav,angry,s1,x\n', /column 'name' is reserved/],
      ['path,label,speaker\n', /m\.csv: no rows/],
    ];
    for (const [text, re] of cases) {
      writeFileSync(m, text);
      assert.throws(
        () => readManifest(m),
        (e: Error) => re.test(e.message) && !e.message.includes('\n'),
        text,
      );
    }
    assert.throws(() => readManifest(join(d, 'none.csv')), /none\.csv: no such manifest/);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('speaker groups: sorted speakers dealt into k disjoint folds, deterministic', () => {
  const speakers = ['1003', '1001', '1002', '1010', '1001', '1004'];
  assert.deepEqual(speakerGroups(speakers, 2), ['fold1', 'fold1', 'fold2', 'fold1', 'fold1', 'fold2']);
  assert.throws(() => speakerGroups(speakers, 6), /--speaker-folds 6: only 5 speakers/);
  assert.throws(() => speakerGroups(speakers, 1), /expected an integer >= 2/);
});
