import { join } from 'node:path';
import type { AugmenterSettings } from '../augment/registry.js';
import { classesOf, labelUtterances, presentClasses } from '../data/corpora/classes.js';
import { readManifest } from '../data/corpora/manifest.js';
import { metaCell } from '../data/corpora/table-meta.js';
import { COMMON_6, type ClassSet, type CorpusReader } from '../data/corpora/types.js';
import type { WhereClause } from '../data/filter.js';
import { selectRows, type FeatureTable } from '../data/table.js';
import { evalDataFromTable } from '../eval/dataset.js';
import type { EvalData } from '../eval/types.js';
import { evaluateFolds, type FoldJobHooks } from '../eval/fold-jobs.js';
import { cachedFeatures, type FailedFile } from './extract-cache.js';
import { formatResults } from '../eval/format.js';
import type { EvaluateConfig, EvaluationResults } from '../eval/protocol.js';
import type { FeatureSetName } from '../features/index.js';
import { makeReport } from '../report/index.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UserError } from '../util/errors.js';
import { speakerGroups } from './speaker-folds.js';

/** The utterances of one run: audio files by id and their metadata columns (label and fold among them). */
export interface UtteranceTable {
  /** Dataset name in results.json ('ravdess', or the manifest path). */
  name: string;
  files: { id: string; path: string }[];
  /** Every file of the corpus before class selection: the feature cache covers these, so changing --classes reuses it. */
  allFiles: { id: string; path: string }[];
  meta: Record<string, string[]>;
  /** Class order (the common set's, or undefined: sorted labels). */
  classes?: string[];
  /** What the `fold` column holds, for the log and results.json. */
  folds: string;
}

/** A built-in corpus as an utterance table: its labels under `classes`, its folds (or `speakerFolds` speaker groups). */
export function corpusUtterances(reader: CorpusReader, dir: string, classes: ClassSet, speakerFolds?: number): UtteranceTable {
  const all = reader.read(dir);
  const utts = labelUtterances(all, reader, classes);
  if (utts.length === 0) throw new UserError(`${dir}: no ${reader.title} utterance has one of the ${classes} common classes`);
  const extraKeys = [...new Set(utts.flatMap((u) => Object.keys(u.extra ?? {})))];
  const meta: Record<string, string[]> = {
    label: utts.map((u) => u.label),
    emotion: utts.map((u) => u.emotion),
    speaker: utts.map((u) => u.speaker),
    gender: utts.map((u) => u.gender),
    ...(utts.some((u) => u.session !== undefined) ? { session: utts.map((u) => u.session ?? '') } : {}),
    fold: speakerFolds
      ? speakerGroups(
          utts.map((u) => u.speaker),
          speakerFolds,
        )
      : utts.map((u) => u.fold),
    ...Object.fromEntries(extraKeys.map((k) => [k, utts.map((u) => u.extra?.[k] ?? '')])),
  };
  const loso = reader.folds === 'session' ? 'leave-one-session-out' : 'leave-one-speaker-out';
  const folds = speakerFolds ? `${speakerFolds} speaker groups` : loso;
  const files = utts.map((u) => ({ id: u.id, path: u.path }));
  const allFiles = all.map((u) => ({ id: u.id, path: u.path }));
  return { name: reader.name, files, allFiles, meta, classes: classes === 'all' ? undefined : presentClasses(utts, classes), folds };
}

/** A manifest as an utterance table: all its columns, `fold` = its fold / speaker / group column (or speaker groups). */
export function manifestUtterances(file: string, classes: ClassSet, speakerFolds?: number): UtteranceTable {
  const m = readManifest(file);
  const keep = classesOf(classes);
  const rows = keep ? m.rows.filter((r) => keep.includes(r.values.label)) : m.rows;
  if (rows.length === 0) {
    throw new UserError(`${file}: no row has one of the common classes (${(keep ?? COMMON_6).join(', ')}); use --classes all`);
  }
  const meta: Record<string, string[]> = Object.fromEntries(m.columns.map((c) => [c, rows.map((r) => r.values[c])]));
  const speakerCol = m.columns.includes('speaker') ? 'speaker' : 'group';
  meta.fold = speakerFolds ? speakerGroups(meta[speakerCol], speakerFolds) : rows.map((r) => r.values[m.groupColumn]);
  const labels = new Set(meta.label);
  return {
    name: file,
    files: rows.map((r) => ({ id: r.id, path: r.path })),
    allFiles: m.rows.map((r) => ({ id: r.id, path: r.path })),
    meta,
    classes: keep ? keep.filter((c) => labels.has(c)) : undefined,
    folds: speakerFolds ? `${speakerFolds} speaker groups` : `leave-one-${m.groupColumn}-out`,
  };
}

/** The protocol as `evaluate` parses it (cli/commands/evaluate.ts protocolFrom). */
export interface ProtocolSettings {
  config: EvaluateConfig;
  settings: AugmenterSettings;
  svm: Record<string, unknown>;
  dnn: Record<string, unknown>;
  where: WhereClause[];
  adanWhere: WhereClause[];
}

export interface RunCorpusSettings {
  out: string;
  set: FeatureSetName;
  jobs: number;
  /** Child processes for the evaluation's folds (default 1: in this process). */
  foldJobs?: number;
  /** Stop at the first unreadable audio file instead of skipping the unreadable ones. */
  strict?: boolean;
  protocol: ProtocolSettings;
  /** Write report.html into the run folder. */
  report: boolean;
  /** Recorded in results.json (command line, corpus folder, class set). */
  extra: Record<string, unknown>;
  version: string;
  backend: string;
  log: (msg: string) => void;
  onPiece?: (done: number, total: number, label: string) => void;
}

export interface RunCorpusOutput {
  files: { path: string; what: string }[];
  results: EvaluationResults;
  /** Utterances left out because their audio could not be read, one line each (`path: problem`). */
  skipped: string[];
  text: string;
  seconds: number;
}

function utterancesCsv(u: UtteranceTable): string {
  const cols = Object.keys(u.meta);
  const cell = (v: string): string => metaCell(v);
  const lines = [['id', 'path', ...cols].join(';')];
  u.files.forEach((f, i) => lines.push([f.id, f.path, ...cols.map((c) => u.meta[c][i])].map(cell).join(';')));
  return lines.join('\n') + '\n';
}

/** The cached features in the utterances' order, with their metadata attached; `skipped` ids are left out. */
function withMeta(t: FeatureTable, u: UtteranceTable, skipped: ReadonlySet<string>): FeatureTable {
  const index = new Map(t.ids.map((id, i) => [id, i]));
  const kept = u.files.flatMap((f, k) => (skipped.has(f.id) ? [] : [k]));
  const rows = kept.map((k) => {
    const i = index.get(u.files[k].id);
    if (i === undefined) throw new Error(`features for '${u.files[k].id}' missing from the cache`);
    return i;
  });
  const meta = Object.fromEntries(Object.entries(u.meta).map(([c, v]) => [c, kept.map((k) => v[k])]));
  return { ...selectRows(t, rows), meta };
}

/** The run's utterances among the unreadable files: their ids and their one-line problems. */
function skippedUtterances(u: UtteranceTable, failed: readonly FailedFile[]): { ids: Set<string>; lines: string[] } {
  const inRun = new Set(u.files.map((f) => f.id));
  const mine = failed.filter((f) => inRun.has(f.id));
  return { ids: new Set(mine.map((f) => f.id)), lines: mine.map((f) => f.error) };
}

/** The audio file of each row id (the utterance table's path for it). */
function sourcesOf(ids: readonly string[], u: UtteranceTable): string[] {
  const path = new Map(u.files.map((f) => [f.id, f.path]));
  return ids.map((id) => {
    const p = path.get(id);
    if (p === undefined) throw new Error(`row '${id}' is not one of the run's utterances`);
    return p;
  });
}

/**
 * `adan run`: features of every utterance (extracted once, cached in the run folder as features-<set>.csv), the
 * leave-one-group-out protocol over the corpus's folds with evaluate's augmenters and classifiers, results.json,
 * and report.html.
 */
export async function runCorpus(u: UtteranceTable, s: RunCorpusSettings): Promise<RunCorpusOutput> {
  const t0 = performance.now();
  const speakerColumn = ['speaker', 'group'].find((c) => u.meta[c] !== undefined);
  const speakers = speakerColumn ? new Set(u.meta[speakerColumn]).size : 0;
  // Folds of several speakers each (sessions, speaker groups): the speaker modes normalise each speaker, not each fold.
  const speakerCol = speakerColumn && speakers > new Set(u.meta.fold).size ? speakerColumn : undefined;
  const classes = new Set(u.meta.label).size;
  const folds = `${u.folds} (${new Set(u.meta.fold).size})`;
  const bySpeaker = speakerCol ? ` (several speakers per fold: the speaker modes normalise each speaker, column '${speakerCol}')` : '';
  s.log(`${u.name}: ${u.files.length} utterances, ${speakers} speakers, ${classes} classes; folds: ${folds}${bySpeaker}`);
  writeFileAtomic(join(s.out, 'utterances.csv'), utterancesCsv(u));
  const onFile = (d: number, t: number): void => s.onPiece?.(d, t, `extract ${s.set}`);
  const f = await cachedFeatures(s.out, s.set, u.allFiles, { jobs: s.jobs, strict: s.strict, log: s.log, onFile });
  const skipped = skippedUtterances(u, f.failed);
  const skipNote = skipped.lines.length
    ? `; ${skipped.lines.length} of ${u.files.length} utterances skipped (unreadable audio, listed at the end)`
    : '';
  s.log(`features: ${s.set} ${f.cached ? 'from the cache' : 'extracted to'} ${f.path}${skipNote}`);
  if (skipped.ids.size === u.files.length) throw new UserError(`${u.name}: none of the ${u.files.length} utterances could be read`);
  const p = s.protocol;
  const kept = withMeta(f.table, u, skipped.ids);
  const labels = new Set(kept.meta.label);
  const table = evalDataFromTable(kept, {
    name: u.name,
    labelCol: 'label',
    groupCol: 'fold',
    speakerCol,
    where: p.where,
    augmentWhere: p.adanWhere,
    classes: u.classes?.filter((c) => labels.has(c)),
  });
  // Every row's features came from one of the corpus's files here, so audio augmenters (perturb) read that file.
  const data: EvalData = { ...table, sources: sourcesOf(table.ids, u) };
  const config: EvaluateConfig = {
    ...p.config,
    saveModels: join(s.out, 'models'),
    saveFolds: 1,
    extra: {
      command: 'adan run',
      table: f.path,
      labelCol: 'label',
      groupCol: 'fold',
      ...(speakerCol ? { speakerCol } : {}),
      folds: u.folds,
      set: s.set,
      ...(skipped.lines.length ? { skipped: skipped.lines } : {}),
      ...s.extra,
      ...p.config.extra,
    },
  };
  const stages = { augment: p.settings, classifierOptions: { svm: p.svm, dnn: p.dnn }, provenance: { command: 'adan run', table: f.path } };
  // The bar counts folds; --augment auto's inner search within a fold shows as the fold's label.
  let piece = { done: 0, total: new Set(data.groups).size * config.repeats };
  const hooks: FoldJobHooks = {
    version: s.version,
    backend: s.backend,
    onPiece: (d, t, info) => {
      piece = { done: d, total: t };
      s.onPiece?.(d, t, `evaluate ${info.group}`);
    },
    onInner: (i) =>
      s.onPiece?.(piece.done, piece.total, `evaluate ${i.group} auto=${i.classifier} ${i.candidate} ${i.index + 1}/${i.candidates}`),
  };
  const results = await evaluateFolds(data, config, stages, hooks, s.foldJobs ?? 1);
  const resultsPath = join(s.out, 'results.json');
  writeFileAtomic(resultsPath, JSON.stringify(results) + '\n');
  const files = [
    { path: resultsPath, what: 'results' },
    { path: join(s.out, 'utterances.csv'), what: 'utterances, labels and folds' },
    { path: f.path, what: `${s.set} features (cache)` },
  ];
  if (s.report) {
    const reportPath = join(s.out, 'report.html');
    const r = await makeReport([s.out], { out: reportPath, format: 'html', seed: s.protocol.config.seed });
    for (const w of r.warnings) s.log(`report: ${w}`);
    files.push({ path: reportPath, what: `report (${r.figures} figures)` });
  }
  return { files, results, skipped: skipped.lines, text: formatResults(results), seconds: (performance.now() - t0) / 1000 };
}
