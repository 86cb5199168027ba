import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, SCHEMA, type Figure } from './types.js';

export interface MethodScores {
  method: string;
  wa: number;
  uar: number;
  /** Pooled WA/UAR per repeat (error bars: mean +- sample std over repeats). */
  waRepeats: number[];
  uarRepeats: number[];
  /** The paper's number for this setting, if any (drawn as a red tick). */
  paperWa?: number | null;
  paperUar?: number | null;
}

function meanStd(v: number[], fallback: number): { mean: number; std: number } {
  if (v.length === 0) return { mean: fallback, std: 0 };
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const std = v.length > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1)) : 0;
  return { mean, std };
}

/** Method comparison: WA and UAR bars (mean over repeats) with +-1 std error bars and the paper's values as ticks. */
export function comparisonFigure(methods: readonly MethodScores[], name: string): Figure {
  const values = methods.flatMap((m) =>
    (['WA', 'UAR'] as const).map((metric) => {
      const s = metric === 'WA' ? meanStd(m.waRepeats, m.wa) : meanStd(m.uarRepeats, m.uar);
      const paper = metric === 'WA' ? m.paperWa : m.paperUar;
      return {
        method: m.method,
        metric,
        mean: +s.mean.toFixed(3),
        lo: +(s.mean - s.std).toFixed(3),
        hi: +(s.mean + s.std).toFixed(3),
        repeats: metric === 'WA' ? m.waRepeats.length : m.uarRepeats.length,
        paper: paper ?? null,
      };
    }),
  );
  // Bars start at 0: a bar's length is its value, so a truncated axis would exaggerate differences of a few points
  // (the error bars and the tooltip give the exact values).
  const lo = 0;
  const hi = Math.min(100, Math.ceil((Math.max(...values.map((v) => Math.max(v.hi, v.paper ?? -Infinity))) + 2) / 5) * 5);
  const order = methods.map((m) => m.method);
  const y = { field: 'method', type: 'nominal', sort: order, title: null };
  const spec = {
    $schema: SCHEMA,
    config: CONFIG,
    // The PNGs travel without the HTML caption, so the figure names its red ticks itself.
    title: values.some((v) => v.paper !== null)
      ? { text: `Method comparison: ${name}`, subtitle: "red tick: the paper's number for the setting" }
      : `Method comparison: ${name}`,
    data: { values },
    facet: { column: { field: 'metric', type: 'nominal', title: null, sort: ['WA', 'UAR'] } },
    spec: {
      width: 300,
      height: { step: 22 },
      layer: [
        {
          mark: { type: 'bar', color: '#4c78a8' },
          encoding: {
            y,
            x: {
              field: 'mean',
              type: 'quantitative',
              title: 'percent (mean over repeats, bar = +-1 std)',
              scale: { domain: [lo, hi], zero: false },
            },
            x2: { datum: lo },
            tooltip: [
              { field: 'method' },
              { field: 'metric' },
              { field: 'mean', format: '.2f' },
              { field: 'lo', format: '.2f' },
              { field: 'hi', format: '.2f' },
              { field: 'repeats' },
              { field: 'paper' },
            ],
          },
        },
        {
          mark: { type: 'rule', color: 'black', strokeWidth: 1.5 },
          encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
        },
        {
          transform: [{ filter: 'datum.paper != null' }],
          mark: { type: 'tick', color: '#d62728', thickness: 3, orient: 'vertical' },
          encoding: { y, x: { field: 'paper', type: 'quantitative' } },
        },
      ],
    },
  } as TopLevelSpec;
  return {
    id: 'method-comparison',
    title: `Method comparison (${name})`,
    caption:
      'Weighted accuracy (WA) and unweighted average recall (UAR) per method, mean of the pooled scores over ' +
      "repeats with +-1 standard deviation; red ticks are the paper's numbers for the matching setting.",
    spec,
  };
}

/** Per-class recall (percent) of each method as grouped bars. */
export function recallFigure(
  methods: ReadonlyArray<{ method: string; perClassRecall: readonly number[] }>,
  classNames: readonly string[],
  name: string,
): Figure {
  const values = methods.flatMap((m) =>
    m.perClassRecall.map((r, c) => ({
      method: m.method,
      emotion: classNames[c] ?? String(c),
      recall: +(r <= 1 && m.perClassRecall.every((v) => v <= 1) ? 100 * r : r).toFixed(2),
    })),
  );
  const spec = {
    $schema: SCHEMA,
    config: CONFIG,
    title: `Per-class recall: ${name}`,
    data: { values },
    width: { step: 12 },
    height: 220,
    mark: 'bar',
    encoding: {
      x: { field: 'emotion', type: 'nominal', sort: [...classNames], title: null, axis: { labelAngle: -30 } },
      xOffset: { field: 'method', type: 'nominal', sort: methods.map((m) => m.method) },
      y: { field: 'recall', type: 'quantitative', title: 'recall (%)', scale: { domain: [0, 100] } },
      color: { field: 'method', type: 'nominal', sort: methods.map((m) => m.method), legend: { orient: 'bottom', columns: 2 } },
      tooltip: [{ field: 'method' }, { field: 'emotion' }, { field: 'recall', format: '.1f' }],
    },
  } as TopLevelSpec;
  return {
    id: 'per-class-recall',
    title: `Per-class recall (${name})`,
    caption: 'Recall of each emotion (the diagonal of the row-normalised confusion matrix) per method, pooled over the folds.',
    spec,
  };
}
