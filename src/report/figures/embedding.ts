import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, SCHEMA, slug, type Figure } from './types.js';

export interface EmbeddedPoint {
  x: number;
  y: number;
  label: string;
  kind: 'real' | 'synthetic';
}

// d3's category20 pairs (dark, light): the paper's Fig. 3 draws real samples light and synthetic ones dark.
const PAIRS: Array<[string, string]> = [
  ['#1f77b4', '#aec7e8'],
  ['#ff7f0e', '#ffbb78'],
  ['#2ca02c', '#98df8a'],
  ['#d62728', '#ff9896'],
  ['#9467bd', '#c5b0d5'],
  ['#8c564b', '#c49c94'],
  ['#e377c2', '#f7b6d2'],
  ['#7f7f7f', '#c7c7c7'],
  ['#bcbd22', '#dbdb8d'],
  ['#17becf', '#9edae5'],
];

/** Paper Fig. 3: a 2-D embedding of real (light circles) and synthetic (dark triangles) samples per emotion. */
export function embeddingFigure(
  points: readonly EmbeddedPoint[],
  classNames: readonly string[],
  space: 'latent' | 'feature',
  method: string,
  name: string,
): Figure {
  const domain: string[] = [];
  const range: string[] = [];
  classNames.forEach((c, i) => {
    const [dark, light] = PAIRS[i % PAIRS.length];
    domain.push(`${c} (real)`, `${c} (synthetic)`);
    range.push(light, dark);
  });
  const values = points.map((p) => ({
    x: +p.x.toFixed(4),
    y: +p.y.toFixed(4),
    emotion: p.label,
    kind: p.kind,
    group: `${p.label} (${p.kind})`,
  }));
  const methodName = method === 'umap' ? 'UMAP' : 't-SNE';
  const spaceName = space === 'latent' ? 'latent space' : 'original feature space';
  const spec = {
    $schema: SCHEMA,
    config: CONFIG,
    title: `${methodName} of the ${spaceName}: ${name}`,
    width: 460,
    height: 400,
    data: { values },
    mark: { type: 'point', filled: true, size: 28, opacity: 0.85 },
    encoding: {
      x: { field: 'x', type: 'quantitative', axis: null },
      y: { field: 'y', type: 'quantitative', axis: null },
      color: { field: 'group', type: 'nominal', title: 'emotion (real = light, synthetic = dark)', scale: { domain, range } },
      shape: {
        field: 'kind',
        type: 'nominal',
        title: 'sample',
        scale: { domain: ['real', 'synthetic'], range: ['circle', 'triangle-up'] },
      },
      order: { field: 'kind', sort: 'ascending' },
      tooltip: [{ field: 'emotion' }, { field: 'kind' }],
    },
  } as TopLevelSpec;
  const nReal = points.filter((p) => p.kind === 'real').length;
  return {
    id: `${method}-${space}-${slug(name)}`,
    title: `${methodName}, ${spaceName} (${name})`,
    caption:
      `${methodName} projection of ${nReal} real (light) and ${points.length - nReal} synthetic (dark) samples ` +
      `in the ${spaceName}, coloured by emotion (as in the paper's Fig. 3${space === 'latent' ? 'a' : 'b'}).`,
    spec,
  };
}
