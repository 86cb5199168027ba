import { embed2d, type EmbeddingMethod } from './embed/index.js';
import { embeddingFigure, type EmbeddedPoint } from './figures/embedding.js';
import { lossCurvesFigure } from './figures/loss-curves.js';
import { confusionFigure } from './figures/confusion.js';
import { comparisonFigure, recallFigure } from './figures/bars.js';
import type { Figure } from './figures/types.js';
import { computeQuality, type QualityReport } from './quality/index.js';
import { stackRows, takeRows, type Samples } from './quality/matrix.js';
import { methodKey, paperFor } from './results.js';
import { protocolOf } from '../eval/protocol-rows.js';
import { permutation, seededRandom } from '../util/random.js';
import { specToSvg } from './render.js';
import type { ReportInputs } from './inputs.js';
import type { SyntheticSource } from './sources.js';

export interface ReportOptions {
  seed: number;
  embedding: EmbeddingMethod;
  /** At most this many real and this many synthetic points per embedding (seeded subsample). */
  maxPoints: number;
  /** Compute quality metrics for model folders that have samples but no quality.json. */
  quality: boolean;
  /** Called before each long step (for a progress bar). */
  onStep?: (label: string) => void;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = { seed: 1, embedding: 'tsne', maxPoints: 1500, quality: true };

export interface BuiltFigure extends Figure {
  /** Section the figure belongs to: 'results', 'training', 'embedding'. */
  group: string;
  svg: string;
}

export interface BuiltReport {
  figures: BuiltFigure[];
  quality: Array<{ name: string; report: QualityReport }>;
}

function subsample(rows: number, max: number, rand: () => number): number[] {
  if (rows <= max) return Array.from({ length: rows }, (_, i) => i);
  return permutation(rows, rand)
    .slice(0, max)
    .sort((a, b) => a - b);
}

/** Fig. 3 for one source: the pooled real + synthetic rows embedded together, in the latent and the feature space. */
export function embeddingFigures(src: SyntheticSource, method: EmbeddingMethod, seed: number, maxPoints: number): Figure[] {
  const rand = seededRandom(seed);
  const r = subsample(src.real.rows, maxPoints, rand);
  const s = subsample(src.synthetic.rows, maxPoints, rand);
  const labels = [...r.map((i) => src.classNames[src.realLabels[i]]), ...s.map((i) => src.classNames[src.syntheticLabels[i]])];
  const spaces: Array<['latent' | 'feature', Samples, Samples]> = [];
  if (src.realLatent && src.syntheticLatent) spaces.push(['latent', src.realLatent, src.syntheticLatent]);
  spaces.push(['feature', src.real, src.synthetic]);
  return spaces.map(([space, real, syn]) => {
    const pooled = stackRows([takeRows(real, r), takeRows(syn, s)]);
    const y = embed2d(pooled.x, pooled.rows, pooled.cols, method, seed);
    const points: EmbeddedPoint[] = labels.map((label, i) => ({
      x: y[2 * i],
      y: y[2 * i + 1],
      label,
      kind: i < r.length ? 'real' : 'synthetic',
    }));
    return embeddingFigure(points, src.classNames, space, method, src.name);
  });
}

/** Every figure of the report, as Vega-Lite specs rendered to SVG, plus the quality metrics. */
export async function buildReport(inputs: ReportInputs, options: Partial<ReportOptions> = {}): Promise<BuiltReport> {
  const opts = { ...DEFAULT_REPORT_OPTIONS, ...options };
  const figs: Array<Figure & { group: string }> = [];
  inputs.results.forEach(({ data }, k) => {
    // Every figure names the normalisation protocol its numbers were measured under.
    const name = `${data.dataset.name ?? 'dataset'}${inputs.results.length > 1 ? ` #${k + 1}` : ''}, ${protocolOf(data)}`;
    const suffix = inputs.results.length > 1 ? `-${k + 1}` : '';
    const tag = (f: Figure): Figure & { group: string } => ({ ...f, id: f.id + suffix, group: 'results' });
    figs.push(
      tag(
        comparisonFigure(
          data.results.map((r) => {
            const paper = paperFor(data, r)[0];
            return {
              method: methodKey(r),
              wa: r.wa,
              uar: r.uar,
              waRepeats: r.waRepeats ?? [],
              uarRepeats: r.uarRepeats ?? [],
              paperWa: paper?.wa ?? null,
              paperUar: paper?.uar ?? null,
            };
          }),
          name,
        ),
      ),
    );
    const withRecall = data.results.filter((r) => r.perClassRecall && r.perClassRecall.length === data.dataset.classes.length);
    if (withRecall.length)
      figs.push(
        tag(
          recallFigure(
            withRecall.map((r) => ({ method: methodKey(r), perClassRecall: r.perClassRecall! })),
            data.dataset.classes,
            name,
          ),
        ),
      );
    for (const r of data.results) {
      if (!r.confusion || r.confusion.length === 0) continue;
      figs.push(tag(confusionFigure(r.confusion, data.dataset.classes, methodKey(r), false)));
      figs.push(tag(confusionFigure(r.confusion, data.dataset.classes, methodKey(r), true)));
    }
  });
  for (const m of inputs.models) if (m.log && m.log.length) figs.push({ ...lossCurvesFigure(m.log, m.name), group: 'training' });
  const quality: BuiltReport['quality'] = [];
  for (const m of inputs.models) {
    if (m.source) {
      opts.onStep?.(`${opts.embedding} ${m.name}`);
      for (const f of embeddingFigures(m.source, opts.embedding, opts.seed, opts.maxPoints)) figs.push({ ...f, group: 'embedding' });
    }
    if (m.quality) quality.push({ name: m.name, report: m.quality });
    else if (m.source && opts.quality) {
      opts.onStep?.(`quality ${m.name}`);
      const q = computeQuality(m.source, { seed: opts.seed });
      q.source = { ...m.source.provenance };
      quality.push({ name: m.name, report: q });
    }
  }
  const figures: BuiltFigure[] = [];
  for (const f of figs) figures.push({ ...f, svg: await specToSvg(f.spec) });
  return { figures, quality };
}
