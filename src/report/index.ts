// Reports: figures (Vega-Lite -> SVG/PNG), embeddings, synthetic-data quality and the self-contained HTML report.
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { packageVersion } from '../util/version.js';
import { buildReport, DEFAULT_REPORT_OPTIONS, type ReportOptions } from './build.js';
import { collectInputs } from './inputs.js';
import { renderHtml } from './html.js';
import { svgToPng } from './render.js';

export { buildReport, embeddingFigures, DEFAULT_REPORT_OPTIONS, type BuiltFigure, type BuiltReport, type ReportOptions } from './build.js';
export { collectInputs, readQuality, type ReportInputs, type ModelInput, type ResultsInput } from './inputs.js';
export { renderHtml, escapeHtml, scopeSvgIds, type HtmlMeta } from './html.js';
export { specToSvg, svgToPng, compileToVega } from './render.js';
export {
  readResults,
  parseResults,
  paperFor,
  methodKey,
  evalResultsSchema,
  type EvalResults,
  type EvalResult,
  type PaperEntry,
} from './results.js';
export {
  loadModelSource,
  sourceFromTables,
  readTrainingLog,
  isAdanModelFolder,
  type SyntheticSource,
  type ModelSourceOptions,
} from './sources.js';
export {
  computeQuality,
  samples,
  type QualityInput,
  type QualityOptions,
  type QualityReport,
  type SpaceMetrics,
  type Samples,
} from './quality/index.js';
export { embed2d, standardiseColumns, type EmbeddingMethod } from './embed/index.js';
export { tsne, type TsneOptions } from './embed/tsne.js';
export { umap, type UmapOptions } from './embed/umap.js';
export { lossCurvesFigure, type EpochLogLike } from './figures/loss-curves.js';
export { embeddingFigure, type EmbeddedPoint } from './figures/embedding.js';
export { confusionFigure } from './figures/confusion.js';
export { comparisonFigure, recallFigure, type MethodScores } from './figures/bars.js';
export type { Figure } from './figures/types.js';

export interface MakeReportOptions extends Partial<ReportOptions> {
  /** report.html (format html) or a folder for the PNGs (format png). */
  out: string;
  format: 'html' | 'png';
  /** PNG zoom factor (default 2). */
  scale?: number;
  /** HTML: inline the vega runtime for live figures with tooltips (default true); false = static SVG, no script. */
  interactive?: boolean;
}

/** `adan report`: reads results files / run folders and writes one self-contained HTML file or a folder of PNGs (atomically). */
export async function makeReport(
  paths: string[],
  options: MakeReportOptions,
): Promise<{ files: string[]; figures: number; warnings: string[] }> {
  const opts = { ...DEFAULT_REPORT_OPTIONS, ...options };
  const inputs = await collectInputs(paths, { seed: opts.seed, samples: true });
  const built = await buildReport(inputs, opts);
  if (options.format === 'png') {
    const files = built.figures.map((f) => {
      const file = join(options.out, `${f.id}.png`);
      writeFileAtomic(file, svgToPng(f.svg, options.scale ?? 2));
      return file;
    });
    return { files, figures: built.figures.length, warnings: inputs.warnings };
  }
  const html = renderHtml(inputs, built, {
    created: new Date().toISOString(),
    version: packageVersion(),
    seed: opts.seed,
    embedding: opts.embedding,
    interactive: options.interactive,
  });
  writeFileAtomic(options.out, html);
  return { files: [options.out], figures: built.figures.length, warnings: inputs.warnings };
}
