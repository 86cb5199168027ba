import type { TopLevelSpec } from 'vega-lite';

/** One report figure: a Vega-Lite specification with inline data, rendered to SVG/PNG without a browser. */
export interface Figure {
  /** File-name-safe id, e.g. `loss-curves-adan-fold1` (the PNG is `<id>.png`). */
  id: string;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const FONT = 'DejaVu Sans';

/** Shared config: one font everywhere (DejaVu is what resvg finds on Debian and CI), white background. */
export const CONFIG = {
  font: FONT,
  background: 'white',
  view: { stroke: '#bbb' },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 400, titleLimit: 400 },
  title: { fontSize: 14, anchor: 'start' as const },
};

/** Turns a label into an id fragment. */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
