import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { readCsvTable } from '../../src/data/read-table.js';
import { sharedDir } from '../../src/util/paths.js';
import { AdanModel, adanOptions, loadTrainingTable, writeTableCsv, type AdanOptions } from '../../src/adan/index.js';
import { withEmodbMeta } from '../../src/data/emodb-names.js';
import { selectRows } from '../../src/data/table.js';

const IS11 = join(sharedDir(), 'data/emodb/opensmile/IS11.csv');
const tiny = JSON.stringify({
  encoderHidden: [16],
  decoderHidden: [16],
  classifierHidden: [8],
  generatorHidden: [8],
  discriminatorHidden: [8],
  latent: 8,
  noise: 8,
});

/** Runs the CLI in-process, capturing stdout and stderr. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const wo = process.stdout.write.bind(process.stdout);
  const we = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string | Uint8Array) => ((out += String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => ((err += String(s)), true)) as typeof process.stderr.write;
  try {
    const code = await run(['node', 'adan', ...args]);
    return { code, out, err };
  } finally {
    process.stdout.write = wo;
    process.stderr.write = we;
  }
}

const work = mkdtempSync(join(tmpdir(), 'adan-cli-'));
const model = join(work, 'model');

test('adan train on EmoDB IS11 with --emodb-names, --where and --json writes a model folder', async () => {
  const r = await cli(
    'train',
    '--table',
    IS11,
    '--emodb-names',
    '--label-col',
    'label',
    '--where',
    'gender=female',
    '--epochs',
    '2',
    '--batch-size',
    '64',
    '--set',
    tiny,
    '--seed',
    '5',
    '--checkpoint-every',
    '1',
    '--json',
    '-o',
    model,
  );
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out) as { rows: number; features: number; epochs: number; preset: string; classes: string[]; backend: string };
  assert.equal(s.rows, 302); // female speakers 08 09 13 14 16
  assert.equal(s.features, 4368);
  assert.equal(s.epochs, 2);
  assert.equal(s.classes.length, 7);
  assert.deepEqual(readdirSync(model).sort(), [
    'model.json',
    'normalisation.json',
    'training-log.csv',
    'training-log.json',
    'weights.safetensors',
  ]);
  assert.equal(existsSync(`${model}.checkpoint`), false, 'checkpoint removed after a finished run');
  const m = AdanModel.load(model);
  assert.equal(m.options.encoderHidden[0], 16);
  assert.equal(
    m.classCounts.reduce((a, b) => a + b, 0),
    302,
  );
});

test('adan augment: same seed same file; --per-class, --balance and --real', async () => {
  const a = join(work, 'a.csv');
  const b = join(work, 'b.csv');
  const ra = await cli('augment', '--model', model, '--times', '1', '--seed', '3', '--json', '-o', a);
  assert.equal(ra.code, 0, ra.err);
  assert.equal(JSON.parse(ra.out).synthetic, 302, '--times 1: the size of the training set');
  assert.equal((await cli('augment', '--model', model, '--times', '1', '--seed', '3', '-o', b)).code, 0);
  assert.equal(readFileSync(a, 'utf8'), readFileSync(b, 'utf8'));
  const t = readCsvTable(a);
  assert.equal(t.ids.length, 302);
  assert.equal(t.featureNames.length, 4368);
  assert.deepEqual(t.featureNames, readCsvTable(IS11).featureNames);
  assert.ok(t.meta.synthetic.every((v) => v === '1'));
  const c = join(work, 'c.csv');
  const r = await cli('augment', '--model', model, '--per-class', '5', '--seed', '4', '--json', '-o', c);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).synthetic, 35);
  assert.notEqual(readFileSync(c, 'utf8').split('\n')[1], readFileSync(a, 'utf8').split('\n')[1]);
  const real = join(work, 'real.csv');
  const rr = await cli(
    'augment',
    '--model',
    model,
    '--balance',
    '--table',
    IS11,
    '--emodb-names',
    '--where',
    'gender=female',
    '--real',
    '-o',
    real,
  );
  assert.equal(rr.code, 0, rr.err);
  const rt = readCsvTable(real);
  assert.equal(rt.meta.synthetic.filter((v) => v === '0').length, 302);
  const labels = rt.meta.label;
  const perClass = new Map<string, number>();
  labels.forEach((l) => perClass.set(l, (perClass.get(l) ?? 0) + 1));
  assert.equal(new Set(perClass.values()).size, 1, 'balanced: every class as large as the largest');
});

test('bad input: one clear error naming the file, nothing written', async () => {
  const out = join(work, 'never');
  // Label column that does not exist.
  let r = await cli('train', '--table', IS11, '--label-col', 'emotion', '--epochs', '1', '-o', out);
  assert.equal(r.code, 1);
  assert.match(r.err, /IS11\.csv: no label column 'emotion'/);
  assert.equal(r.err.trim().split('\n').length, 1);
  // A non-numeric / missing feature value in a generic CSV.
  const rows = ['id,label,f1,f2'];
  for (let i = 0; i < 20; i++) rows.push(`u${i},${i % 2 ? 'a' : 'b'},${i},${i === 7 ? 'n/a' : i * 2}`);
  const badCsv = join(work, 'bad.csv');
  writeFileSync(badCsv, rows.join('\n'));
  r = await cli('train', '--table', badCsv, '--epochs', '1', '-o', out);
  assert.equal(r.code, 1);
  assert.match(r.err, /bad\.csv: row 8 \(u7\), column 'f2': 'n\/a' is not a finite number/);
  // A class with too few samples.
  const few = ['id,label,f1,f2'];
  for (let i = 0; i < 20; i++) few.push(`u${i},${i === 0 ? 'rare' : i % 2 ? 'a' : 'b'},${i},${(i * 7) % 5}`);
  const fewCsv = join(work, 'few.csv');
  writeFileSync(fewCsv, few.join('\n'));
  r = await cli('train', '--table', fewCsv, '--epochs', '1', '-o', out);
  assert.equal(r.code, 1);
  assert.match(r.err, /few\.csv: class 'rare' has 1 training row/);
  // Bad option values.
  r = await cli('train', '--table', IS11, '--emodb-names', '--preset', 'best', '-o', out);
  assert.match(r.err, /unknown preset 'best'/);
  r = await cli('train', '--table', IS11, '--emodb-names', '--set', '{"lr":-1}', '-o', out);
  assert.match(r.err, /invalid ADAN options: lr/);
  assert.equal(existsSync(out), false);
  // Mismatched columns between model and table.
  const other = join(work, 'other.csv');
  writeFileSync(other, ['name;frameTime;x1;x2', "'03a01Fa';0;1;2", "'03a01Wa';0;3;4"].join('\n'));
  const synth = join(work, 'mismatch.csv');
  r = await cli('augment', '--model', model, '--table', other, '--emodb-names', '-o', synth);
  assert.equal(r.code, 1);
  assert.match(r.err, /other\.csv: feature columns do not match the model \(4368 features\): missing 4368/);
  assert.equal(existsSync(synth), false);
  r = await cli('augment', '--model', join(work, 'nomodel'), '-o', synth);
  assert.match(r.err, /nomodel: no such model folder/);
  r = await cli('augment', '--model', model, '--times', '2', '--balance', '-o', synth);
  assert.match(r.err, /choose one of --times, --per-class, --balance/);
  assert.equal(existsSync(synth), false);
});

test('adan train --resume continues an interrupted run to the same model', async () => {
  // A smaller real table for speed: speakers 03 and 10, the first 400 IS11 features, written as openSMILE CSV.
  const is11 = withEmodbMeta(readCsvTable(IS11));
  const rows = is11.ids.map((_, i) => i).filter((i) => ['03', '10'].includes(is11.meta.speaker[i]));
  const sub = selectRows(is11, rows);
  const cols = 400;
  const features = new Float32Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) features.set(sub.features.subarray(i * 4368, i * 4368 + cols), i * cols);
  const small = join(work, 'small.csv');
  writeTableCsv(small, { ids: sub.ids, featureNames: sub.featureNames.slice(0, cols), features, meta: {} }, []);
  const ref = join(work, 'ref');
  const args = ['train', '--table', small, '--emodb-names', '--epochs', '3', '--batch-size', '32', '--set', tiny, '--seed', '2'];
  assert.equal((await cli(...args, '-o', ref)).code, 0);
  // A run killed during epoch 3 after checkpointing epoch 2 into <output>.checkpoint (the folder the CLI uses).
  const resumed = join(work, 'resumed');
  const table = loadTrainingTable(small, { labelCol: 'label', emodbNames: true, where: [], excludeGroups: [] });
  const o = adanOptions('paper', { ...(JSON.parse(tiny) as Partial<AdanOptions>), epochs: 3, batchSize: 32 });
  assert.throws(() =>
    AdanModel.create(o, 2).fitTable(table, 'label', {
      checkpointDir: `${resumed}.checkpoint`,
      checkpointEvery: 1,
      onEpoch: (e) => {
        if (e.epoch === 3) throw new Error('killed');
      },
    }),
  );
  assert.ok(existsSync(join(`${resumed}.checkpoint`, 'checkpoint.safetensors')));
  const r = await cli(...args, '--resume', '--json', '-o', resumed);
  assert.equal(r.code, 0, r.err);
  const logs = [AdanModel.load(resumed).log, AdanModel.load(ref).log].map((l) => l.map((e) => e.dLoss));
  assert.deepEqual(logs[0], logs[1]);
  assert.deepEqual(
    AdanModel.load(resumed).generate(new Int32Array([0, 1, 2]), 1),
    AdanModel.load(ref).generate(new Int32Array([0, 1, 2]), 1),
  );
});

test('adan bench train prints one JSON line with backend, msPerIter, gflops, dim, batch', async () => {
  const r = await cli('bench', 'train', '--dim', '64', '--batch', '16', '--iters', '3', '--warmup', '1', '--classes', '3', '--json');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines.length, 1);
  const j = JSON.parse(lines[0]) as Record<string, unknown>;
  for (const k of ['backend', 'msPerIter', 'gflops', 'dim', 'batch']) assert.ok(k in j, k);
  assert.equal(j.dim, 64);
  assert.equal(j.batch, 16);
  // Paper architecture at D=64, B=16, K=3: E 64*800+800*800+800*100, R 100*800+800*800+800*64, C 100*100*2+100*3,
  // G 103*100+100*100*2, D 100*100*2+100 multiply-adds per sample, counted per the trainer's passes.
  const E = 64 * 800 + 800 * 800 + 800 * 100,
    R = 100 * 800 + 800 * 800 + 800 * 64,
    C = 2 * 100 * 100 + 300,
    G = 103 * 100 + 2 * 100 * 100,
    D = 2 * 100 * 100 + 100;
  const macs = E + (G + 6 * D) + 3 * E - 64 * 800 + 3 * R + 3 * C + 3 * G - 103 * 100 + 2 * D + 2 * C;
  assert.equal(j.gflopPerIter, Number(((2 * 16 * macs) / 1e9).toFixed(4)));
});
