import type { Command } from 'commander';
import { seedOption } from '../options.js';
import { makeReport } from '../../report/index.js';
import { UserError } from '../../util/errors.js';
import { progressBar } from '../progress.js';

interface ReportFlags {
  output: string;
  format: string;
  seed: string;
  embedding: string;
  maxPoints: string;
  quality: boolean;
  scale: string;
  static?: boolean;
  json?: boolean;
}

/** `adan report`: one self-contained HTML report (or the figures as PNGs) from results files and run folders. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'write one self-contained HTML report (configuration, result tables beside ' +
        "the paper's numbers, figures, synthetic-data quality) or the figures as PNGs",
    )
    .argument(
      '<inputs...>',
      'results JSON files (adan evaluate --json, adan reproduce), run folders (results.json, models/, quality.json) or model folders',
    )
    .requiredOption('-o, --output <path>', 'report.html (--format html) or a folder for the PNGs (--format png)')
    .option('--format <fmt>', 'html | png', 'html')
    .option('--seed <n>', 'seed of the embeddings, subsampling and generated samples', '1')
    .option('--embedding <method>', 'tsne | umap', 'tsne')
    .option('--max-points <n>', 'at most this many real and synthetic points per embedding', '1500')
    .option('--no-quality', "do not compute synthetic-data quality metrics (a run's quality.json is still shown)")
    .option('--scale <x>', 'PNG zoom factor', '2')
    .option('--static', 'HTML without any script: static SVG figures (default: inline vega runtime, figures with tooltips)')
    .option('--json', 'print the written files as JSON')
    .action(async (inputs: string[], f: ReportFlags) => {
      if (f.format !== 'html' && f.format !== 'png') throw new UserError(`--format: expected html or png, got '${f.format}'`);
      if (f.embedding !== 'tsne' && f.embedding !== 'umap') throw new UserError(`--embedding: expected tsne or umap, got '${f.embedding}'`);
      const seed = seedOption(f.seed)!;
      const maxPoints = Number(f.maxPoints);
      if (!Number.isInteger(maxPoints) || maxPoints < 10)
        throw new UserError(`--max-points: expected an integer >= 10, got '${f.maxPoints}'`);
      const scale = Number(f.scale);
      if (!(scale > 0 && scale <= 8)) throw new UserError(`--scale: expected a number in (0, 8], got '${f.scale}'`);
      const bar = progressBar({ enabled: f.json ? false : undefined });
      let step = 0;
      bar.start(3, 'report');
      const r = await makeReport(inputs, {
        out: f.output,
        format: f.format,
        seed,
        embedding: f.embedding,
        maxPoints,
        quality: f.quality,
        scale,
        interactive: f.static !== true,
        onStep: (label) => bar.update(Math.min(2, ++step), { step: label }),
      });
      bar.update(3);
      bar.stop();
      for (const w of r.warnings) process.stderr.write(`adan: warning: ${w}\n`);
      if (f.json) process.stdout.write(JSON.stringify({ files: r.files, figures: r.figures, warnings: r.warnings }) + '\n');
      else
        process.stdout.write(
          `wrote ${f.format === 'png' ? `${r.files.length} PNGs to ${f.output}` : `${f.output} (${r.figures} figures)`}\n`,
        );
    });
}
