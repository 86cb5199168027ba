import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatResults, mergeResults, type EvaluationResults } from '../../eval/index.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { fileError, UserError } from '../../util/errors.js';

function readPart(path: string): EvaluationResults {
  if (!existsSync(path)) throw fileError(path, 'no such file');
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw fileError(path, `not valid JSON (${(e as Error).message})`);
  }
  const r = v as Partial<EvaluationResults>;
  if (!r || r.tool !== 'adan' || !Array.isArray(r.results) || !r.config || !r.dataset) throw fileError(path, 'not an adan results JSON');
  return r as EvaluationResults;
}

/** `adan merge`: combines partial results (`adan evaluate --fold i --repeat j --json ...`) into the full result. */
export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description(
      'combine partial results of `adan evaluate --fold/--repeat` into one results JSON (metrics recomputed from the stored predictions)',
    )
    .argument('<parts...>', 'partial results JSON files')
    .requiredOption('-o, --output <file>', 'merged results JSON to write')
    .option('--quiet', 'do not print the results table')
    .action((parts: string[], f: { output: string; quiet?: boolean }) => {
      if (parts.length === 0) throw new UserError('merge: no input files');
      const merged = mergeResults(parts.map(readPart), parts);
      writeFileAtomic(f.output, JSON.stringify(merged) + '\n');
      if (!f.quiet) process.stdout.write(formatResults(merged) + '\n');
      if (merged.partial)
        process.stderr.write(
          `adan: merge: the result is incomplete (${merged.warnings.filter((w) => w.startsWith('incomplete')).join('; ')})\n`,
        );
    });
}
