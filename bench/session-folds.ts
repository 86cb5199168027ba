// Benchmark: folds that hold two speakers each, as IEMOCAP's sessions do (one female and one male speaker). EmoDB's
// speakers are paired by gender in sorted order (the first female with the first male, ...; rule fixed before it
// ran), leave-one-pair-out, EmoDB IS11 goldens, SVM (C = 10, gamma = 1/n), no augmentation, no inner check. Under
// `speaker` and `speaker-enrol:20` it compares normalising each speaker by its own statistics (`--speaker-col
// speaker`: EvalData.speakers; K enrolment utterances per test speaker) with normalising each fold's pair as if it
// were one speaker (the rows' fold as their speaker, what the speaker modes did before --speaker-col), and both with
// per-fold. Comparisons are on the rows both runs score (enrolments are not scored), paired over seeds.
// Usage: npx tsx bench/session-folds.ts [repeats=5]
import { defaultDeps } from '../src/eval/defaults.js';
import { distinctGroups } from '../src/eval/folds.js';
import { runEvaluation, type EvaluateConfig, type EvaluationResults, type Normalisation } from '../src/eval/protocol.js';
import type { EvalData } from '../src/eval/types.js';
import { commonRowsComparison, emodbIs11Data, emodbIs11Table, summaryRow } from './emodb-speaker-runs.js';

const repeats = Number(process.argv[2] ?? 5);
const table = emodbIs11Table();
const emodb = emodbIs11Data(table);
const genderOf = new Map(table.meta.speaker.map((s, i) => [s, table.meta.gender[i]]));
const byGender = (g: string): string[] => distinctGroups(emodb.groups).filter((s) => genderOf.get(s) === g);
const [female, male] = [byGender('female'), byGender('male')];
if (female.length !== male.length) throw new Error(`${female.length} female and ${male.length} male speakers: cannot pair them all`);
const pairOf = new Map(female.flatMap((f, i) => [f, male[i]].map((s) => [s, `${f}+${male[i]}`] as const)));
const sessions = emodb.groups.map((s) => pairOf.get(s)!);
const data: Record<'speaker' | 'pair', EvalData> = {
  speaker: { ...emodb, name: 'emodb-IS11 in speaker pairs', groups: sessions, speakers: emodb.groups.slice() },
  pair: { ...emodb, name: 'emodb-IS11 in speaker pairs, pairs as speakers', groups: sessions },
};
const deps = defaultDeps({ augment: { count: { times: 1 }, noiseStd: 0.1, smoteK: 5 } });
const t0 = performance.now();

async function run(normalisation: Normalisation, statsOf: 'speaker' | 'pair'): Promise<EvaluationResults> {
  const config: EvaluateConfig = {
    augment: ['none'],
    classifiers: ['svm'],
    trainOn: ['real'],
    repeats: normalisation.startsWith('speaker-enrol') ? repeats : 1,
    seed: 1,
    normalisation,
    innerCheck: false,
  };
  return runEvaluation(data[statsOf], config, deps);
}

const perFold = await run('per-fold', 'speaker');
const rows: Record<string, unknown>[] = [{ setting: 'per-fold', ...summaryRow(perFold, perFold.results[0]) }];
const comparisons: Record<string, unknown>[] = [];
for (const normalisation of ['speaker', 'speaker-enrol:20'] as const) {
  const bySpeaker = await run(normalisation, 'speaker');
  const byPair = await run(normalisation, 'pair');
  const name = (s: string): string => `${normalisation}, each ${s}`;
  rows.push(
    { setting: name('speaker'), ...summaryRow(bySpeaker, bySpeaker.results[0]) },
    { setting: name('pair'), ...summaryRow(byPair, byPair.results[0]) },
  );
  comparisons.push(
    commonRowsComparison(name('pair'), byPair, name('speaker'), bySpeaker),
    commonRowsComparison('per-fold', perFold, name('speaker'), bySpeaker),
    commonRowsComparison('per-fold', perFold, name('pair'), byPair),
  );
}
console.log(
  JSON.stringify(
    {
      bench: 'session-folds',
      dataset: emodb.name,
      folds: [...new Set(sessions)],
      classifier: 'svm (C 10, gamma 1/n_features)',
      repeats,
      seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
      rows,
      comparisons,
    },
    null,
    1,
  ),
);
