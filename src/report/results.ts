import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Comparison, DatasetInfo, EvaluationResults, FoldMetrics, MethodResult } from '../eval/index.js';
import { fileError } from '../util/errors.js';

export { methodKey } from '../eval/index.js';

// The evaluation-results format is eval's EvaluationResults (written by `adan evaluate --json`, `adan reproduce`,
// `adan merge`). Validated leniently: the report needs only these fields; everything else is kept and shown as
// configuration. Each shape may name only fields of eval's types (`satisfies` below), and every EvaluationResults
// eval writes must parse (ACCEPTS_EVAL_RESULTS), so the two cannot drift apart. In JSON a NaN becomes null.
const num = z.number().nullable().optional();

/** A zod shape naming only (some) fields of T. */
type ShapeOf<T> = { [K in keyof T]?: z.ZodType };

const resultSchema = z
  .object({
    augment: z.string(),
    classifier: z.string(),
    trainOn: z.string(),
    wa: z.number(),
    uar: z.number(),
    waMean: num,
    waStd: num,
    uarMean: num,
    uarStd: num,
    waRepeats: z.array(z.number()).optional(),
    uarRepeats: z.array(z.number()).optional(),
    confusion: z.array(z.array(z.number())).optional(),
    perClassRecall: z.array(z.number()).optional(),
    folds: z
      .array(
        z
          .object({
            group: z.union([z.string(), z.number()]).transform(String),
            wa: z.number(),
            uar: z.number(),
            n: z.number(),
          } satisfies ShapeOf<FoldMetrics>)
          .passthrough(),
      )
      .optional(),
    seconds: num,
    resolvedAs: z
      .object({ augment: z.string(), settings: z.record(z.string(), z.unknown()), normalisation: z.string(), reason: z.string() })
      .passthrough()
      .optional(),
    resolvedPerFold: z.array(z.object({ augment: z.string(), folds: z.number() })).optional(),
  } satisfies ShapeOf<MethodResult>)
  .passthrough();

const paperSchema = z
  .object({
    table: z.string(),
    setting: z.string(),
    wa: z.number().nullable(),
    uar: z.number().nullable(),
    matches: z
      .object({ augment: z.string().optional(), classifier: z.string().optional(), trainOn: z.string().optional() })
      .passthrough()
      .nullable()
      .optional(),
  })
  .passthrough();

const svmSetting = z.object({ C: z.number().optional(), gamma: z.number().optional() }).passthrough();

/** One outer fold's inner choice: the fields every kind shares, and its own. */
const foldChoice = <T extends z.ZodRawShape>(own: T) =>
  z.object({ fold: z.number(), group: z.string(), classifier: z.string(), innerWa: z.number(), ...own }).passthrough();

export const evalResultsSchema = z
  .object({
    tool: z.string().optional(),
    version: z.string().optional(),
    created: z.string().optional(),
    backend: z.string().optional(),
    config: z.record(z.string(), z.unknown()).default({}),
    protocol: z.string().optional(),
    dataset: z
      .object({
        name: z.string().optional(),
        rows: z.number().optional(),
        features: z.number().optional(),
        classes: z.array(z.string()),
        groups: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
        speakers: z.number().optional(),
      } satisfies ShapeOf<DatasetInfo>)
      .passthrough(),
    results: z.array(resultSchema),
    comparisons: z
      .array(
        z
          .object({
            a: z.string(),
            b: z.string(),
            test: z.string(),
            p: z.number().nullable(),
            diffWa: z.number().nullable().optional(),
          } satisfies ShapeOf<Comparison>)
          .passthrough(),
      )
      .optional(),
    comparedWith: z.string().optional(),
    // `--inner-check` (the default under the speaker modes): did the speaker mode help inside the training folds.
    innerCheck: z
      .object({
        classifier: z.string(),
        normalisation: z.string(),
        folds: z.array(z.object({ labelMixDivergence: z.number() }).passthrough()),
        diffWa: z.number(),
        diffUar: z.number(),
        helped: z.number(),
        fallback: z.object({ groups: z.array(z.string()) }).optional(),
      })
      .passthrough()
      .optional(),
    // Choices made inside the training folds (`--svm-c auto`, `--enrol-estimator search`, `--augment auto`).
    search: z
      .array(foldChoice({ chosen: svmSetting, grid: z.array(z.object({ values: svmSetting, wa: z.number() }).passthrough()) }))
      .optional(),
    estimatorSearch: z
      .array(foldChoice({ chosen: z.string(), candidates: z.array(z.object({ estimator: z.string(), wa: z.number() }).passthrough()) }))
      .optional(),
    augmentSearch: z
      .array(
        foldChoice({
          trainOn: z.string(),
          chosen: z.string(),
          candidates: z.array(z.object({ augment: z.string(), wa: z.number() }).passthrough()),
          skipped: z.array(z.object({ augment: z.string(), reason: z.string() }).passthrough()).optional(),
        }),
      )
      .optional(),
    // The paper's entries are typed in experiments (a higher layer); eval keeps them as unknown[].
    paper: z.array(paperSchema).optional(),
  } satisfies ShapeOf<EvaluationResults>)
  .passthrough();

/** T's interfaces as plain object types (which, unlike interfaces, fit passthrough's index signature). */
type Plain<T> = T extends object ? { [K in keyof T]: Plain<T[K]> } : T;

/** Compile-time: every results object eval writes (paper entries aside) is accepted by the schema. */
const ACCEPTS_EVAL_RESULTS: Plain<Omit<EvaluationResults, 'paper'>> extends z.input<typeof evalResultsSchema> ? true : never = true;
void ACCEPTS_EVAL_RESULTS;

export type EvalResults = z.infer<typeof evalResultsSchema>;
export type EvalResult = EvalResults['results'][number];
export type PaperEntry = NonNullable<EvalResults['paper']>[number];

/** Parses and validates a results JSON object; errors name the file and the first bad field. */
export function parseResults(data: unknown, file: string): EvalResults {
  const r = evalResultsSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw fileError(file, `not an adan results file: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return r.data;
}

export function readResults(file: string): EvalResults {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) throw err;
    throw fileError(file, `not valid JSON (${(err as Error).message})`);
  }
  return parseResults(data, file);
}

/** The paper entries whose `matches` fit a result (every given key equal). */
export function paperFor(results: EvalResults, r: EvalResult): PaperEntry[] {
  return (results.paper ?? []).filter((p) => {
    const m = p.matches;
    if (!m) return false;
    return (
      (m.augment === undefined || m.augment === r.augment) &&
      (m.classifier === undefined || m.classifier === r.classifier) &&
      (m.trainOn === undefined || m.trainOn === r.trainOn)
    );
  });
}
