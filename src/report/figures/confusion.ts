import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, SCHEMA, slug, type Figure } from './types.js';

/** Confusion matrix heat map with the numbers written in: counts or row-normalised recall (percent). */
export function confusionFigure(
  confusion: readonly (readonly number[])[],
  classNames: readonly string[],
  method: string,
  normalised: boolean,
): Figure {
  const values: Array<{ truth: string; predicted: string; value: number; text: string }> = [];
  confusion.forEach((row, i) => {
    const total = row.reduce((s, v) => s + v, 0);
    row.forEach((v, j) => {
      const value = normalised ? (total > 0 ? (100 * v) / total : 0) : v;
      values.push({
        truth: classNames[i] ?? String(i),
        predicted: classNames[j] ?? String(j),
        value: +value.toFixed(2),
        text: normalised ? value.toFixed(1) : String(v),
      });
    });
  });
  const order = [...classNames];
  const max = Math.max(1, ...values.map((v) => v.value));
  const spec = {
    $schema: SCHEMA,
    config: CONFIG,
    title: `${normalised ? 'Row-normalised confusion (%)' : 'Confusion (counts)'}: ${method}`,
    width: 34 * order.length + 40,
    height: 34 * order.length + 40,
    data: { values },
    encoding: {
      x: { field: 'predicted', type: 'nominal', sort: order, title: 'predicted', axis: { labelAngle: -40 } },
      y: { field: 'truth', type: 'nominal', sort: order, title: 'true' },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: { field: 'value', type: 'quantitative', scale: { scheme: 'blues', domain: [0, max] }, title: normalised ? '%' : 'count' },
          tooltip: [{ field: 'truth' }, { field: 'predicted' }, { field: 'text', title: normalised ? '%' : 'count' }],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'text' },
          color: { condition: { test: `datum.value > ${max * 0.55}`, value: 'white' }, value: 'black' },
        },
      },
    ],
  } as TopLevelSpec;
  return {
    id: `confusion-${normalised ? 'norm' : 'counts'}-${slug(method)}`,
    title: `Confusion matrix, ${normalised ? 'row-normalised' : 'counts'} (${method})`,
    caption:
      `Rows are the true emotions, columns the predictions, pooled over the ` +
      `folds${normalised ? '; each row in percent of its class (the diagonal is the per-class recall)' : ' (summed over repeats)'}.`,
    spec,
  };
}
