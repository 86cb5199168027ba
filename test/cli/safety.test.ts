import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readCsvTable } from '../../src/data/read-table.js';
import { writeTableCsv } from '../../src/data/write-table.js';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import { encodeWav } from '../../src/audio/wav-write.js';
import { isOneLineError, runCli, smallTableCsv, tempDir, writeToneWav } from './harness.js';

const dir = tempDir('safety');
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const path = (...p: string[]): string => join(dir, ...p);
const tableFile = path('small.csv');
writeFileSync(tableFile, smallTableCsv());
const good = path('good.wav');
writeToneWav(good);

test('a failed extract leaves an earlier output unchanged', async () => {
  const out = path('e1.csv');
  writeFileSync(out, 'prev\n');
  writeFileSync(path('empty.wav'), '');
  const all = await runCli(['extract', path('empty.wav'), '--set', 'IS10', '-o', out]);
  assert.ok(isOneLineError(all), all.stderr);
  mkdirSync(path('mixed'), { recursive: true });
  writeToneWav(path('mixed', 'ok.wav'));
  writeFileSync(path('mixed', 'bad.wav'), 'RIFF....WAVEjunk');
  const some = await runCli(['extract', path('mixed'), '--set', 'IS10', '-o', out]);
  assert.ok(isOneLineError(some), some.stderr);
  assert.match(some.stderr, /bad\.wav/);
  assert.match(some.stderr, /--keep-going/);
  assert.equal(readFileSync(out, 'utf8'), 'prev\n');
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
  );
});

test('extract --keep-going writes the good rows and lists the failures at the end', async () => {
  const out = path('e2.csv');
  const r = await runCli(['extract', path('mixed'), '--set', 'IS10', '-o', out, '--keep-going']);
  assert.equal(r.code, 1);
  const t = readCsvTable(out);
  assert.deepEqual(t.ids, ['ok']);
  const lines = r.stderr.trim().split('\n');
  assert.match(lines[0], /1 file failed/);
  assert.match(lines[lines.length - 1], /bad\.wav/);
});

test('stale temporaries of a killed run are removed, other files kept', () => {
  const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid ?? 999999;
  const target = path('t.json');
  const stale = path(`.t.json.${dead}.123.tmp`);
  const foreign = path('.t.json.keep.tmp');
  writeFileSync(stale, '');
  writeFileSync(foreign, 'x');
  // a model folder's temporary is a directory
  mkdirSync(path(`.t.json.${dead}.456.tmp`));
  writeFileSync(path(`.t.json.${dead}.456.tmp`, 'weights.safetensors'), '');
  writeFileAtomic(target, '{}');
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.startsWith('.t.json')),
    ['.t.json.keep.tmp'],
  );
});

test('NaN or Inf samples are an error naming the file, and nothing is written', async () => {
  for (const bad of [NaN, Infinity]) {
    const x = new Float32Array(8000).map((_, i) => 0.1 * Math.sin(i / 10));
    x[4000] = bad;
    const wav = path(`nonfinite-${bad}.wav`);
    writeFileSync(wav, encodeWav([x], 16000, 'float32'));
    const out = path('nan.csv');
    const r = await runCli(['extract', wav, '--set', 'IS11', '-o', out]);
    assert.ok(isOneLineError(r), r.stderr);
    assert.match(r.stderr, new RegExp(`nonfinite-${bad}\\.wav: sample 4000`));
    assert.throws(() => readFileSync(out));
  }
});

test('file names with ; quotes and newlines round-trip through extract and the table reader', async () => {
  const names = ['a;b', "it's", 'q"x', 'new\nline', 'comma,name'];
  mkdirSync(path('odd'));
  for (const n of names) writeToneWav(path('odd', `${n}.wav`));
  const out = path('odd.csv');
  const r = await runCli(['extract', path('odd'), '--set', 'IS10', '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readCsvTable(out).ids.sort(), [...names].sort());
  const t = readCsvTable(out);
  const written = path('odd-written.csv');
  writeTableCsv(written, { ...t, meta: { label: names.map((n) => `${n}!`) } });
  const back = readCsvTable(written);
  assert.deepEqual(back.ids, t.ids);
  assert.deepEqual(
    back.meta.label,
    names.map((n) => `${n}!`),
  );
  assert.deepEqual(back.features, t.features);
});

test('duplicate ids in a recursive extraction are refused, naming both files', async () => {
  mkdirSync(path('dup', 'a'), { recursive: true });
  mkdirSync(path('dup', 'b'), { recursive: true });
  writeToneWav(path('dup', 'a', 'ok.wav'));
  writeToneWav(path('dup', 'b', 'ok.wav'));
  const r = await runCli(['extract', path('dup'), '--set', 'IS10', '-o', path('dup.csv')]);
  assert.ok(isOneLineError(r), r.stderr);
  assert.match(r.stderr, /a\/ok\.wav and .*b\/ok\.wav both give the row id 'ok'/);
});

test('tables with duplicate column names or duplicate row ids are refused', () => {
  writeFileSync(path('dupcol.csv'), 'name,f1,label,label\nx,1,a,b\ny,2,b,a\n');
  assert.throws(() => readCsvTable(path('dupcol.csv')), /dupcol\.csv: duplicate column name 'label'/);
  writeFileSync(path('dupid.csv'), 'name,f1,label\nx,1,a\nx,2,b\n');
  assert.throws(() => readCsvTable(path('dupid.csv')), /dupid\.csv: duplicate row id 'x' \(rows 1 and 2\)/);
});

test('a feature column with a bad cell is an error naming file, row, column and value in train and evaluate', async () => {
  const lines = smallTableCsv().split('\n');
  const cells = lines[5].split(',');
  cells[2] = 'nan';
  lines[5] = cells.join(',');
  const bad = path('badcell.csv');
  writeFileSync(bad, lines.join('\n'));
  for (const args of [
    ['train', '--table', bad, '--epochs', '1', '-o', path('m-bad')],
    ['evaluate', '--table', bad, '--quiet'],
  ]) {
    const r = await runCli(args);
    assert.ok(isOneLineError(r), r.stderr);
    assert.match(r.stderr, /badcell\.csv: row 5 \(u4\), column 'f1': 'nan' is not a finite number/);
  }
});

test('a numeric speaker column is metadata by name, not a feature; --meta-cols names more', () => {
  writeFileSync(path('numspk.csv'), 'name,f1,f2,speaker,session,label\nx,1,2,3,1,a\ny,2,3,4,2,b\n');
  const t = readCsvTable(path('numspk.csv'));
  assert.deepEqual(t.featureNames, ['f1', 'f2']);
  assert.deepEqual(t.meta.speaker, ['3', '4']);
  writeFileSync(path('numspk2.csv'), 'name,f1,f2,take,label\nx,1,2,3,a\ny,2,3,4,b\n');
  assert.deepEqual(readCsvTable(path('numspk2.csv'), { metaColumns: ['take'] }).featureNames, ['f1', 'f2']);
});

test('evaluate refuses one class, label-col equal to group-col or speaker-col, a missing speaker column and a single group', async () => {
  const rows = smallTableCsv().trim().split('\n');
  writeFileSync(path('oneclass.csv'), [rows[0], ...rows.slice(1).map((l) => l.replace(/,[abc],s/, ',a,s'))].join('\n') + '\n');
  writeFileSync(path('onegroup.csv'), [rows[0], ...rows.slice(1).map((l) => l.replace(/,s\d$/, ',s1'))].join('\n') + '\n');
  // A session column of two speakers each, and one row whose speaker is empty.
  const sessions = rows.map((l, i) => (i === 0 ? `${l},session` : `${i === 6 ? l.replace(/,s\d$/, ',') : l},x${i % 2}`));
  writeFileSync(path('nospeaker.csv'), sessions.join('\n') + '\n');
  const cases: [string[], RegExp][] = [
    [
      ['--table', path('nospeaker.csv'), '--group-col', 'session', '--speaker-col', 'speaker'],
      /nospeaker\.csv: row u5: empty speaker in column 'speaker'/,
    ],
    [['--table', path('oneclass.csv')], /holds one class \('a'\); classification needs at least 2/],
    [['--table', path('onegroup.csv')], /holds one group \('s1'\); leave-one-group-out needs at least 2/],
    [['--table', tableFile, '--group-col', 'label'], /--label-col and --group-col are both 'label'/],
    [['--table', tableFile, '--speaker-col', 'label'], /--label-col and --speaker-col are both 'label'/],
    [['--table', tableFile, '--speaker-col', 'talker'], /small\.csv: .*'talker'/],
  ];
  for (const [args, re] of cases) {
    const r = await runCli(['evaluate', ...args, '--quiet']);
    assert.ok(isOneLineError(r), r.stderr);
    assert.match(r.stderr, re);
  }
});

test('--seed is a non-negative integer and --svm-c a positive number in every command', async () => {
  const seedRuns = [
    ['train', '--table', tableFile, '-o', path('m-seed'), '--seed', '-5'],
    ['evaluate', '--table', tableFile, '--seed', '-5', '--quiet'],
    ['augment', '--model', path('nomodel'), '-o', path('x.csv'), '--seed', '-5'],
    ['quality', '--model', path('nomodel'), '--seed', '-5'],
  ];
  for (const args of seedRuns) {
    const r = await runCli(args);
    assert.ok(isOneLineError(r), r.stderr);
    assert.match(r.stderr, /--seed must be an integer >= 0 \(got '-5'\)/, args[0]);
  }
  for (const c of ['0', '-1', 'x']) {
    const r = await runCli(['evaluate', '--table', tableFile, '--svm-c', c, '--quiet']);
    assert.match(r.stderr, new RegExp(`--svm-c must be a positive number \\(got '${c}'\\)`));
  }
});

test('-o naming a directory and a symlink loop are one-line errors naming the right path', async () => {
  mkdirSync(path('outdir'));
  const r = await runCli(['extract', good, '--set', 'IS10', '-o', path('outdir')]);
  assert.ok(isOneLineError(r), r.stderr);
  assert.match(r.stderr, /outdir: is a directory/);
  symlinkSync(path('loop-b'), path('loop-a'));
  symlinkSync(path('loop-a'), path('loop-b'));
  const l = await runCli(['extract', path('loop-a'), '--set', 'IS10', '-o', path('loop.csv')]);
  assert.ok(isOneLineError(l), l.stderr);
  assert.match(l.stderr, /loop-a: too many levels of symbolic links/);
});

test('train then quality on the model folder works; edited model.json and huge --times are one-line errors', async () => {
  const model = path('model');
  const t = await runCli(['train', '--table', tableFile, '--group-col', 'speaker', '--epochs', '2', '-o', model, '--json']);
  assert.equal(t.code, 0, t.stderr);
  assert.equal((JSON.parse(t.stdout) as { features: number }).features, 6, 'speaker is metadata, not a feature');
  const q = await runCli(['quality', '--model', model, '--json', '--classifier', 'logistic', '--folds', '2']);
  assert.equal(q.code, 0, q.stderr);
  assert.equal((JSON.parse(q.stdout) as { rows: { real: number } }).rows.real, 48);
  const huge = await runCli(['augment', '--model', model, '--times', '1e9', '-o', path('huge.csv')]);
  assert.ok(isOneLineError(huge), huge.stderr);
  assert.match(huge.stderr, /would generate 4\.800e\+10 rows x 6 features \(about [\d.e+]+ GB of CSV\)/);
  const mj = JSON.parse(readFileSync(join(model, 'model.json'), 'utf8')) as { classNames: string[]; featureNames: string[] };
  const edits: [(m: typeof mj) => void, RegExp][] = [
    [(m) => m.classNames.push('extra'), /model\.json: 4 classNames but 3 classCounts/],
    [(m) => m.featureNames.pop(), /model\.json: 5 featureNames but the encoder takes 6 inputs/],
  ];
  for (const [edit, re] of edits) {
    const copy = JSON.parse(JSON.stringify(mj)) as typeof mj;
    edit(copy);
    writeFileSync(join(model, 'model.json'), JSON.stringify(copy));
    const r = await runCli(['augment', '--model', model, '--times', '1', '-o', path('a.csv')]);
    assert.ok(isOneLineError(r), r.stderr);
    assert.match(r.stderr, re);
  }
});

test("ADAN's one-row-per-class error inside evaluate names the fold and its test group", async () => {
  const lines = smallTableCsv().trim().split('\n');
  // class c keeps only two rows (speakers s1 and s2): leaving out s1 leaves one c row for ADAN
  const kept = [lines[0], ...lines.slice(1).filter((l) => !l.includes(',c,') || /u(2|5),/.test(l))];
  const file = path('fewc.csv');
  writeFileSync(file, kept.join('\n') + '\n');
  const r = await runCli([
    'evaluate',
    '--table',
    file,
    '--augment',
    'adan',
    '--adan-epochs',
    '1',
    '--times',
    '1',
    '--quiet',
    '--adan-set',
    '{"encoderHidden":[8],"decoderHidden":[8],"latent":4}',
  ]);
  assert.ok(isOneLineError(r), r.stderr);
  assert.match(r.stderr, /fold \d \(test speaker 's\d'\), adan: class 'c' has 1 training row; ADAN needs at least 2 per class/);
});
