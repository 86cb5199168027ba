// Prints one sha256 per ADAN preset x variant (and a resumed and an early-stopped run) over every net's parameters,
// batch-norm statistics, the epoch log (without timings) and a few generated rows, after 3 epochs on seeded random
// data. Refactors of the trainer or the fit loop must leave every line unchanged:
//   npm run build && node scripts/adan-weights-hash.mjs
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdanModel, adanOptions } from '../dist/src/index.js';
import { Rng } from '../dist/src/nn/index.js';

const rows = 72,
  cols = 24,
  classNames = ['a', 'b', 'c'];
const rng = new Rng(7);
const x = new Float32Array(rows * cols);
rng.fillNormal(x);
const y = new Int32Array(rows).map((_, i) => i % classNames.length);
for (let i = 0; i < rows; i++) x[i * cols + (y[i] % cols)] += 2;
const small = { epochs: 3, batchSize: 16 };

function hashModel(m) {
  const h = createHash('sha256');
  const p = m.internals;
  for (const name of Object.keys(p.nets).sort()) {
    const state = p.nets[name].state();
    for (const k of Object.keys(state).sort())
      h.update(name + k).update(Buffer.from(state[k].buffer, state[k].byteOffset, state[k].byteLength));
  }
  h.update(JSON.stringify(p.log.map(({ seconds, ...e }) => e)));
  h.update(String(p.stoppedEarly));
  const g = m.generate(new Int32Array([0, 1, 2, 2]), 5);
  h.update(Buffer.from(g.features.buffer)).update(Buffer.from(g.latent.buffer));
  return h.digest('hex').slice(0, 16);
}

const runs = [];
for (const preset of ['paper', 'official', 'wadan']) {
  for (const variant of ['adan', 'separate', 'aae']) runs.push([`${preset}/${variant}`, adanOptions(preset, { ...small, variant })]);
}
runs.push(['official/earlyStop', adanOptions('official', { ...small, earlyStop: { minEpoch: 0, tolerance: 0.5, patience: 1 } })]);
runs.push(['paper/minimax', adanOptions('paper', { ...small, generatorLoss: 'minimax' })]);
for (const [name, o] of runs) console.log(`${name.padEnd(20)} ${hashModel(AdanModel.create(o, 11).fit(x, rows, cols, y, classNames))}`);

// Resume: interrupted after epoch 2 (checkpoint written), then resumed to 3; must equal the uninterrupted paper/adan.
const dir = mkdtempSync(join(tmpdir(), 'adan-hash-'));
try {
  const o = adanOptions('paper', small);
  const cb = { checkpointDir: dir, checkpointEvery: 1 };
  const stop = (e) => {
    if (e.epoch === 2) throw new Error('interrupted');
  };
  try {
    AdanModel.create(o, 11).fit(x, rows, cols, y, classNames, { ...cb, onEpoch: stop });
  } catch (err) {
    if (err.message !== 'interrupted') throw err;
  }
  const resumed = AdanModel.create(o, 11).fit(x, rows, cols, y, classNames, { ...cb, resume: true });
  console.log(`${'paper/resumed'.padEnd(20)} ${hashModel(resumed)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
