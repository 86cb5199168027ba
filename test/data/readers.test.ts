import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArffTable, splitArffValues } from '../../src/data/read-arff.js';
import { loadFeatureTable } from '../../src/data/load-table.js';
import { filterRows, parseWhere } from '../../src/data/filter.js';
import { evalDataFromTable } from '../../src/eval/dataset.js';
import { readCsvTable } from '../../src/data/read-table.js';
import { sharedDir } from '../../src/util/paths.js';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'adan-readers-'));
}

test('ARFF: numeric features, nominal/string metadata, quoted names and values, comments', () => {
  const dir = tmp();
  try {
    const p = join(dir, 't.arff');
    writeFileSync(
      p,
      [
        '% openSMILE-style ARFF',
        "@relation 'openSMILE_features'",
        '@attribute name string',
        "@attribute 'pcm loudness_sma_amean' numeric",
        '@attribute F0_max REAL',
        '@attribute speaker {03,08}',
        "@attribute class {anger,'bore dom',?}",
        '',
        '@data',
        "'03a01Wa',1.5,-2e-3,03,anger",
        "'08a01Lb', 2 , 7 ,08,'bore dom'",
        '% trailing comment',
      ].join('\n'),
    );
    const t = readArffTable(p);
    assert.deepEqual(t.ids, ['03a01Wa', '08a01Lb']);
    assert.deepEqual(t.featureNames, ['pcm loudness_sma_amean', 'F0_max']);
    assert.deepEqual(Array.from(t.features), [1.5, Math.fround(-2e-3), 2, 7]);
    assert.deepEqual(t.meta, { speaker: ['03', '08'], class: ['anger', 'bore dom'] });
    const ev = evalDataFromTable(loadFeatureTable(p), { labelCol: 'class', groupCol: 'speaker' });
    assert.deepEqual(ev.classes, ['anger', 'bore dom']);
    writeFileSync(p, '@relation x\n@attribute a numeric\n@attribute c {x,y}\n@data\n1,z\n');
    assert.throws(() => readArffTable(p), /t\.arff: line 5: 'z' is not a value of nominal attribute 'c'/);
    writeFileSync(p, '@relation x\n@attribute a numeric\n@data\n?\n');
    assert.throws(() => readArffTable(p), /missing values/);
    assert.deepEqual(splitArffValues("a, 'b,c' ,\"d'e\""), ['a', 'b,c', "d'e"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ARFF and openSMILE CSV of the same EmoDB rows give identical tables', () => {
  const csv = readCsvTable(join(sharedDir(), 'data', 'emodb', 'opensmile', 'IS10.csv'));
  const dir = tmp();
  try {
    const n = 20;
    const d = csv.featureNames.length;
    const lines = [
      "@relation 'IS10'",
      '@attribute name string',
      ...csv.featureNames.map((f) => `@attribute ${f} numeric`),
      '@attribute class {?}',
      '@data',
    ];
    for (let i = 0; i < n; i++) lines.push(`'${csv.ids[i]}',${Array.from(csv.features.subarray(i * d, (i + 1) * d)).join(',')},?`);
    writeFileSync(join(dir, 'is10.arff'), lines.join('\n') + '\n');
    const a = loadFeatureTable(join(dir, 'is10.arff'), { emodbNames: true });
    assert.deepEqual(a.ids, csv.ids.slice(0, n));
    assert.deepEqual(a.featureNames, csv.featureNames);
    assert.deepEqual(a.features, csv.features.slice(0, n * d));
    assert.deepEqual(
      a.meta.speaker,
      csv.ids.slice(0, n).map((id) => id.slice(0, 2)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('generic CSV with metadata columns, --where filters (same column = alternatives), label and group columns', () => {
  const dir = tmp();
  try {
    const p = join(dir, 'g.csv');
    writeFileSync(p, 'utt_id,session,type,label,f1,f2\nu1,1,impro,ang,1,2\nu2,1,script,hap,3,4\nu3,2,impro,neu,5,6\nu4,2,impro,xxx,7,8\n');
    const t = loadFeatureTable(p, { metaColumns: ['session'] });
    assert.deepEqual(t.featureNames, ['f1', 'f2']);
    assert.deepEqual(filterRows(t, [parseWhere('type=impro')]), [0, 2, 3]);
    assert.deepEqual(filterRows(t, [parseWhere('label=ang'), parseWhere('label=neu'), parseWhere('type=impro')]), [0, 2]);
    assert.throws(() => parseWhere('typeimpro'), /expected column=value/);
    const ev = evalDataFromTable(t, {
      labelCol: 'label',
      groupCol: 'session',
      where: ['ang', 'hap', 'neu'].map((v) => ({ col: 'label', value: v })),
      augmentWhere: [{ col: 'type', value: 'impro' }],
    });
    assert.equal(ev.rows, 3);
    assert.deepEqual(ev.classes, ['ang', 'hap', 'neu']);
    assert.deepEqual(Array.from(ev.augmentMask!), [1, 0, 1]);
    assert.deepEqual(ev.groups, ['1', '1', '2']);
    assert.throws(() => evalDataFromTable(t, { labelCol: 'emotion', groupCol: 'session' }), /no column 'emotion'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
