import type { TopLevelSpec } from 'vega-lite';
import type { EpochLog } from '../../adan/training-log.js';
import { CONFIG, SCHEMA, slug, type Figure } from './types.js';

/** The per-epoch record of ADAN training as training-log.json holds it (wall-clock seconds are not plotted). */
export type EpochLogLike = Omit<EpochLog, 'seconds'>;

const LOSSES: Array<[keyof EpochLogLike, string]> = [
  ['dLoss', 'discriminator (cross-entropy)'],
  ['gAdvLoss', 'generator adversarial (cross-entropy)'],
  ['gClsLoss', 'generator auxiliary class (cross-entropy)'],
  ['cLoss', 'auxiliary classifier (cross-entropy)'],
  ['reconMse', 'reconstruction (MSE)'],
];
const OUTPUTS: Array<[keyof EpochLogLike, string]> = [
  ['dReal', 'D(real latent codes)'],
  ['dFake', 'D(generated codes)'],
  ['cAcc', 'auxiliary classifier accuracy'],
];

/** Paper Fig. 2: every loss per epoch (left) and the discriminator's mean outputs (right). */
export function lossCurvesFigure(log: readonly EpochLogLike[], name: string): Figure {
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  const losses = log.flatMap((e) => LOSSES.map(([k, label]) => ({ epoch: e.epoch, series: label, value: finite(e[k]) })));
  const outputs = log.flatMap((e) => OUTPUTS.map(([k, label]) => ({ epoch: e.epoch, series: label, value: finite(e[k]) })));
  const panel = (values: object[], yTitle: string, title: string) => ({
    title,
    width: 380,
    height: 240,
    data: { values },
    mark: { type: 'line' as const, point: log.length <= 40, strokeWidth: 1.8 },
    encoding: {
      x: { field: 'epoch', type: 'quantitative' as const, title: 'epoch', axis: { tickMinStep: 1, format: 'd' } },
      y: { field: 'value', type: 'quantitative' as const, title: yTitle },
      color: { field: 'series', type: 'nominal' as const, title: null, legend: { orient: 'bottom' as const, columns: 1 } },
      tooltip: [{ field: 'epoch' }, { field: 'series' }, { field: 'value', format: '.4f' }],
    },
  });
  const spec = {
    $schema: SCHEMA,
    config: CONFIG,
    title: `ADAN training: ${name}`,
    hconcat: [panel(losses, 'loss', 'losses'), panel(outputs, 'mean output', 'discriminator outputs, classifier accuracy')],
    resolve: { scale: { color: 'independent' } },
  } as TopLevelSpec;
  return {
    id: `loss-curves-${slug(name)}`,
    title: `Training losses (${name})`,
    caption:
      `Cross-entropy and MSE losses per epoch of ADAN training (as in the paper's Fig. 2), and ` +
      `the discriminator's mean output on real and generated latent codes. ${log.length} epochs.`,
    spec,
  };
}
