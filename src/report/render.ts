import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';
import { FONT } from './figures/types.js';

/** Vega-Lite compiled to a Vega specification (what the report's inline vega runtime renders in the browser). */
export function compileToVega(spec: TopLevelSpec): vega.Spec {
  return compile(spec).spec;
}

/** Renders a Vega-Lite specification to a standalone SVG string without a browser (vega's headless view). */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterises an SVG to PNG with resvg using the system fonts (DejaVu Sans, from Debian's fonts-dejavu-core). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const r = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: FONT, sansSerifFamily: FONT },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  });
  return r.render().asPng();
}
