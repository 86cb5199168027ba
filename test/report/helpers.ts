import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gaussian, seededRandom } from '../../src/util/random.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', 'report');
/** Works from test/ (tsx) and dist/test/ (compiled): the fixtures stay in the source tree. */
export function fixture(name: string): string {
  const fromSrc = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'report', name);
  return import.meta.url.includes('/dist/') ? join(FIXTURES, name) : fromSrc;
}

export const CLASSES = ['anger', 'boredom', 'disgust', 'fear', 'happiness', 'neutral', 'sadness'];

/**
 * A CSV of labelled rows: per class a Gaussian blob (mean 3 on one axis per class) in `d` dims, scaled per column
 * like openSMILE functionals (wildly different magnitudes), `shift` added to every value.
 */
export function blobCsv(perClass: number, d: number, seed: number, shift = 0): string {
  const g = gaussian(seededRandom(seed));
  const scale = Array.from({ length: d }, (_, j) => 10 ** ((j % 5) - 2));
  const lines = [['name', ...Array.from({ length: d }, (_, j) => `f${j}`), 'label'].join(',')];
  CLASSES.forEach((c, ci) => {
    for (let i = 0; i < perClass; i++) {
      const v = Array.from({ length: d }, (_, j) => ((g() + (j % CLASSES.length === ci ? 3 : 0) + shift) * scale[j]).toPrecision(6));
      lines.push([`${c}_${seed}_${i}`, ...v, c].join(','));
    }
  });
  return lines.join('\n') + '\n';
}

/** A run folder as `adan reproduce -o run/` writes it, with a model folder holding train.csv + synthetic.csv (no weights). */
export function makeRunFolder(): string {
  const run = mkdtempSync(join(tmpdir(), 'adan-report-run-'));
  copyFileSync(fixture('results.json'), join(run, 'results.json'));
  const model = join(run, 'models', 'adan-fold1');
  mkdirSync(model, { recursive: true });
  copyFileSync(fixture('training-log.json'), join(model, 'training-log.json'));
  writeFileSync(join(model, 'train.csv'), blobCsv(20, 24, 1));
  writeFileSync(join(model, 'synthetic.csv'), blobCsv(20, 24, 2, 0.3));
  return run;
}
