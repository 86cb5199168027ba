import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BuiltReport } from './build.js';
import { compileToVega } from './render.js';
import type { ReportInputs, ResultsInput } from './inputs.js';
import type { QualityReport, SpaceMetrics } from './quality/index.js';
import { methodKey, paperFor, type EvalResults } from './results.js';
import { innerCheckLine } from '../eval/inner-search.js';
import { foldChoiceRows, innerChoiceLines } from '../eval/inner-choices.js';
import { methodLabel, protocolOf, protocolOrder, protocolRows, protocolVerdictLine, type ProtocolRow } from '../eval/protocol-rows.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Prefixes every id inside a vega SVG (gradients, clip paths) and the references to them with the figure id:
 * all inline SVGs of a page share one id space, and vega numbers them from 0 in every figure.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/ id="([^"]+)"/g, ` id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

/** A numeric cell: shown with `digits` decimals, exact value in data-value (the browser test reads it). */
function num(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '<td class="num na">&ndash;</td>';
  return `<td class="num" data-value="${v}">${v.toFixed(digits)}</td>`;
}

function td(s: string): string {
  return `<td>${escapeHtml(s)}</td>`;
}

function table(cls: string, head: string[], rows: string[]): string {
  const headRow = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  return `<table class="${cls}"><thead><tr>${headRow}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

// Lines joined by '\n' rather than one template literal, so that long rules can be split in the source; the empty
// first and last entries keep the newlines after <style> and before </style>.
const CSS = [
  '',
  'body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;color:#222;line-height:1.4}',
  'h1{font-size:1.6em;margin-bottom:.2em} h2{border-bottom:2px solid #4c78a8;padding-bottom:.2em;margin-top:2em} h3{margin-top:1.4em}',
  'table{border-collapse:collapse;margin:.6em 0;font-size:.9em} ' +
    'th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}',
  'th{background:#eef3f8} td.num{text-align:right;font-variant-numeric:tabular-nums} td.na{color:#999;text-align:center}',
  'tr.paper-row td{background:#fff8f0} .pos{color:#1a7f37} .neg{color:#b3261e}',
  '.grid{display:flex;flex-wrap:wrap;gap:1.2em;align-items:flex-start}',
  'figure{margin:0;border:1px solid #e3e3e3;padding:.6em;background:#fff;max-width:100%;overflow-x:auto} ' +
    'figcaption{font-size:.85em;color:#555;max-width:620px;margin-top:.4em}',
  '.side{display:flex;flex-wrap:wrap;gap:2em;align-items:flex-start} .side>table{min-width:0;max-width:100%}',
  'table.config{table-layout:fixed;width:min(100%,760px)} table.config td:first-child{width:11em}',
  'table.config td{overflow-wrap:anywhere;word-break:break-word} table.config code{white-space:pre-wrap}',
  '.smoke{border:2px solid #b3261e;padding:.4em .8em;color:#b3261e} ' +
    '.meta{color:#666;font-size:.9em} code{background:#f4f4f4;padding:0 .2em}',
  'details{margin:.6em 0} summary{cursor:pointer;color:#4c78a8} .warn{color:#8a5a00}',
  'nav a{margin-right:1em}',
  '',
].join('\n');

const SMOKE_BANNER =
  '<p class="smoke"><b>SMOKE RUN (--quick)</b>: tiny settings, one repeat; the numbers only show that the pipeline runs, ' +
  'no verdicts are drawn from them.</p>';

function configSection(r: ResultsInput, k: number): string {
  const d = r.data;
  const rows = Object.entries(d.config).map(
    ([key, v]) => `<tr>${td(key)}<td><code>${escapeHtml(typeof v === 'string' ? v : JSON.stringify(v))}</code></td></tr>`,
  );
  const ds = d.dataset;
  const dsRows = [
    `<tr>${td('name')}${td(ds.name ?? '')}</tr>`,
    `<tr>${td('rows')}${td(String(ds.rows ?? ''))}</tr>`,
    `<tr>${td('features')}${td(String(ds.features ?? ''))}</tr>`,
    `<tr>${td('classes')}${td(ds.classes.join(', '))}</tr>`,
    `<tr>${td('groups')}${td((ds.groups ?? []).join(', '))}</tr>`,
  ];
  return `<h3 id="config-${k + 1}">Configuration: <code>${escapeHtml(r.file)}</code></h3>
<p class="meta">${escapeHtml([d.tool, d.version, d.backend && `backend ${d.backend}`, d.created].filter(Boolean).join(' · '))}</p>
${d.config.quick === true ? SMOKE_BANNER : ''}
<div class="side">${table('config', ['option', 'value'], rows)}${table('dataset', ['dataset', ''], dsRows)}</div>`;
}

const RESULTS_HEAD = [
  'protocol',
  'augment',
  'classifier',
  'train on',
  'WA',
  'UAR',
  'WA folds mean',
  'WA folds std',
  'UAR folds mean',
  'UAR folds std',
  'WA per repeat',
  'paper WA',
  'paper UAR',
  'seconds',
];
const PAPER_HEAD = ['paper table', 'setting', 'our method', 'our protocol', 'paper WA', 'our WA', 'Δ WA', 'paper UAR', 'our UAR', 'Δ UAR'];
const COMPARISON_HEAD = ['protocol', 'a', 'b', 'test', 'p', 'Δ WA (b − a)'];
const FOLD_HEAD = ['protocol', 'method', 'held-out group', 'WA', 'UAR', 'n'];

function resultsSection(r: ResultsInput, k: number): string {
  const d = r.data;
  const protocol = protocolOf(d);
  const rows = d.results.map((res) => {
    const paper = paperFor(d, res)[0];
    const reps = res.waRepeats && res.waRepeats.length ? res.waRepeats.map((v) => v.toFixed(2)).join(', ') : '';
    const cells = [
      td(protocol),
      td(res.augment),
      td(res.classifier),
      td(res.trainOn),
      num(res.wa),
      num(res.uar),
      num(res.waMean),
      num(res.waStd),
      num(res.uarMean),
      num(res.uarStd),
      td(reps),
      num(paper?.wa ?? null),
      num(paper?.uar ?? null),
      num(res.seconds ?? null, 1),
    ];
    return `<tr data-method="${escapeHtml(methodKey(res))}">${cells.join('')}</tr>`;
  });
  const ours = new Map(d.results.map((res) => [res, res]));
  const paperRows = (d.paper ?? []).map((p) => {
    const match = [...ours.keys()].find((res) => paperFor({ ...d, paper: [p] }, res).length > 0);
    const diff = (a: number | null | undefined, b: number | null | undefined): string => {
      if (a === null || a === undefined || b === null || b === undefined) return '<td class="num na">&ndash;</td>';
      const v = a - b;
      return `<td class="num ${v >= 0 ? 'pos' : 'neg'}" data-value="${v}">${v >= 0 ? '+' : ''}${v.toFixed(2)}</td>`;
    };
    const cells = [
      td(p.table),
      td(p.setting),
      td(match ? methodKey(match) : '(not run)'),
      td(protocol),
      num(p.wa),
      num(match?.wa ?? null),
      diff(match?.wa, p.wa),
      num(p.uar),
      num(match?.uar ?? null),
      diff(match?.uar, p.uar),
    ];
    return `<tr class="paper-row">${cells.join('')}</tr>`;
  });
  // A document tested against another run (a tuned SVM against the fixed settings) names that run in column a.
  const baselineOf = (a: string): string => (d.comparedWith ? `${a} (${d.comparedWith})` : a);
  const comps = (d.comparisons ?? []).map(
    (c) => `<tr>${td(protocol)}${td(baselineOf(c.a))}${td(c.b)}${td(c.test)}${num(c.p ?? null, 4)}${num(c.diffWa ?? null)}</tr>`,
  );
  const folds = d.results.flatMap((res) =>
    (res.folds ?? []).map((f) => `<tr>${td(protocol)}${td(methodKey(res))}${td(f.group)}${num(f.wa)}${num(f.uar)}${td(String(f.n))}</tr>`),
  );
  const note =
    `Every number in this section was measured under the normalisation protocol <code>${escapeHtml(protocol)}</code>. ` +
    'WA = weighted accuracy, UAR = unweighted average recall, in percent on the predictions pooled over the folds ' +
    '(mean over repeats); "folds mean/std" over the folds of the first repeat; "WA per repeat" the pooled WA of each repeat.';
  const paperTable = paperRows.length ? `<h4>Side by side with the paper</h4>${table('paper', PAPER_HEAD, paperRows)}` : '';
  const compTable = comps.length ? `<h4>Significance</h4>${table('comparisons', COMPARISON_HEAD, comps)}` : '';
  const foldTable = folds.length
    ? `<details><summary>Per-fold scores (${folds.length} rows)</summary>${table('folds', FOLD_HEAD, folds)}</details>`
    : '';
  return `<h3 id="results-${k + 1}">Results: ${escapeHtml(d.dataset.name ?? r.file)}, normalisation ${escapeHtml(protocol)}</h3>
<p class="meta">${note}</p>
${speakersParagraph(d)}${innerCheckParagraph(d)}
${innerChoicesBlock(d)}
${table('results', RESULTS_HEAD, rows)}
${paperTable}
${compTable}
${foldTable}`;
}

function beyondRow(r: ProtocolRow): string {
  const v = r.vsNone;
  const settings = r.resolvedAs ? `${r.resolvedAs.augment} ${JSON.stringify(r.resolvedAs.settings)}` : '';
  const cells = [
    td(r.protocol),
    td(methodLabel(r)),
    td(settings),
    td(r.trainOn),
    td(String(r.seeds)),
    num(r.wa),
    num(r.waSd),
    num(r.uar),
    num(r.uarSd),
    td(v?.against ?? ''),
    num(v?.diffWa ?? null),
    num(v?.p ?? null, 4),
    td(v?.test ?? ''),
    td(v?.verdict ?? ''),
  ];
  const tuned = r.tuned ? ` data-tuned="${escapeHtml(r.tuned)}"` : '';
  return `<tr data-protocol="${escapeHtml(r.protocol)}" data-method="${escapeHtml(r.method)}"${tuned}>${cells.join('')}</tr>`;
}

const BEYOND_HEAD = ['protocol', 'method', 'resolves to', 'train on', 'seeds', 'WA', 'WA sd', 'UAR', 'UAR sd', 'vs', 'Δ WA', 'p', 'test'];

const BEYOND_NOTE =
  'The recommended settings (<code>--augment recommended</code>) and no augmentation under each normalisation protocol, ' +
  'and the SVM with C and gamma chosen per outer fold by inner leave-one-speaker-out over the training speakers ' +
  '(<code>--svm-c auto --svm-gamma search</code>, tested against the fixed settings C = 10, gamma = 1/n): ' +
  "per-fold = z-norm with the training fold's statistics; speaker-enrol:K = each speaker normalised by its own statistics, " +
  "the test speaker's from K unlabelled enrolment utterances that are then not scored; speaker = the test speaker's from all " +
  'its unlabelled utterances (transductive). WA / UAR in percent pooled over folds, mean and sd over seeds; the test is ' +
  'against what the vs column names: no augmentation with the same classifier and protocol, or the fixed SVM settings.';

const BEYOND_LINK = '<a href="#beyond">beyond the paper</a>';

/** Whether the speaker mode helped inside the training folds (`innerCheck`), one line, or nothing. */
/** Folds of several speakers each (`--speaker-col`): how many, and which column names the speakers. */
function speakersParagraph(d: EvalResults): string {
  const speakers = d.dataset.speakers;
  if (speakers === undefined) return '';
  const folds = d.dataset.groups?.length;
  const column = typeof d.config.speakerCol === 'string' ? ` (column '${escapeHtml(d.config.speakerCol)}')` : '';
  return (
    `<p class="meta speakers">${folds ?? 'The'} folds holding ${speakers} speakers${column}: ` +
    'the speaker modes normalise each speaker by its own statistics, not each fold.</p>\n'
  );
}

function innerCheckParagraph(d: EvalResults): string {
  return d.innerCheck
    ? `<p class="inner-check" data-protocol="${escapeHtml(protocolOf(d))}">${escapeHtml(innerCheckLine(d.innerCheck))}</p>`
    : '';
}

const CHOICE_HEAD = ['held-out group', 'choice', 'for', 'chosen', 'inner WA', 'candidates (pooled inner WA)'];

/**
 * What the run chose inside its training folds (SVM settings, enrolment estimator, augmenter): the summary lines of
 * the text output, and every outer fold's choice with the inner scores it was made on. Nothing when it chose nothing.
 */
function innerChoicesBlock(d: EvalResults): string {
  const lines = innerChoiceLines(d);
  if (lines.length === 0) return '';
  const rows = foldChoiceRows(d).map(
    (c) =>
      `<tr data-group="${escapeHtml(c.group)}" data-kind="${escapeHtml(c.kind)}">` +
      `${td(c.group)}${td(c.kind)}${td(c.classifier)}${td(c.chosen)}${num(c.innerWa)}${td(c.candidates)}</tr>`,
  );
  return `<div class="inner-choices" data-protocol="${escapeHtml(protocolOf(d))}">
${lines.map((l) => `<p class="inner-choice">${escapeHtml(l)}</p>`).join('\n')}
<details><summary>Choices per outer fold (${rows.length} rows)</summary>${table('choices', CHOICE_HEAD, rows)}</details>
</div>`;
}

const isBeyond = (r: ResultsInput): boolean => r.data.config.beyond === true;

/** The "beyond the paper" table (results marked beyond by `adan reproduce`): every row names its protocol; a verdict per protocol. */
function beyondSection(results: readonly ResultsInput[]): string {
  const docs: EvalResults[] = results.filter(isBeyond).map((r) => r.data);
  if (docs.length === 0) return '';
  // Each protocol's rows together, in the evidence's order (a stable sort keeps the files' order within one).
  const rows = docs.flatMap((d) => protocolRows(d)).sort((a, b) => protocolOrder(a.protocol) - protocolOrder(b.protocol));
  const protocols = [...new Set(rows.map((r) => r.protocol))];
  const line = (p: string): string =>
    `<li data-protocol="${escapeHtml(p)}">${escapeHtml(protocolVerdictLine(rows.filter((r) => r.protocol === p)))}</li>`;
  const verdicts = docs.some((d) => d.config.quick === true) ? SMOKE_BANNER : `<ul class="verdicts">${protocols.map(line).join('')}</ul>`;
  return `<h2 id="beyond">Beyond the paper</h2>
<p class="meta">${BEYOND_NOTE}</p>
${table('beyond', [...BEYOND_HEAD, 'verdict'], rows.map(beyondRow))}
${verdicts}
${docs.map(innerCheckParagraph).join('\n')}`;
}

function spaceRows(label: string, s: SpaceMetrics): string[] {
  const detection = `detection AUC (real vs synthetic, ${s.detection.classifier}, ${s.detection.folds}-fold; 0.5 = indistinguishable)`;
  return [
    `<tr>${td(label)}${td(detection)}${num(s.detection.auc, 3)}</tr>`,
    `<tr>${td(label)}${td('MMD² (RBF, median bandwidth, unbiased), all classes')}${num(s.mmd.overall.mmd2, 4)}</tr>`,
    `<tr>${td(label)}${td(`k-NN precision (synthetic inside real manifold), k=${s.coverage.k}`)}${num(s.coverage.precision, 3)}</tr>`,
    `<tr>${td(label)}${td(`k-NN recall (real covered by synthetic), k=${s.coverage.k}`)}${num(s.coverage.recall, 3)}</tr>`,
    `<tr>${td(label)}${td('median NN distance synthetic → real')}${num(s.nnDistance.syntheticToReal.median, 3)}</tr>`,
    `<tr>${td(label)}${td('median NN distance real → real')}${num(s.nnDistance.realToReal.median, 3)}</tr>`,
    `<tr>${td(label)}${td('ratio (≈1: new samples, ≈0: copies)')}${num(s.nnDistance.ratio, 3)}</tr>`,
    `<tr>${td(label)}${td('synthetic samples that copy a real one')}${num(s.nnDistance.copies, 0)}</tr>`,
  ];
}

function qualitySection(name: string, q: QualityReport): string {
  const t = q.tstr;
  const tstr = [
    `<tr>${td('train real → test real (TRTR, cross-validated)')}${num(t.trtr.wa)}${num(t.trtr.uar)}</tr>`,
    `<tr>${td('train synthetic → test real (TSTR)')}${num(t.tstr.wa)}${num(t.tstr.uar)}</tr>`,
    `<tr>${td('train real → test synthetic (TRTS)')}${num(t.trts.wa)}${num(t.trts.uar)}</tr>`,
  ];
  const metrics = [...spaceRows('features', q.feature), ...(q.latent ? spaceRows('latent', q.latent) : [])];
  const perClass = q.classNames.map((c, i) => {
    const cells = [
      td(c),
      td(String(q.rows.realPerClass[i])),
      td(String(q.rows.syntheticPerClass[i])),
      num(q.feature.mmd.perClass[i]?.mmd2, 4),
      num(q.latent?.mmd.perClass[i]?.mmd2 ?? null, 4),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  const src = Object.entries(q.source ?? {})
    .map(([k, v]) => `${escapeHtml(k)}: <code>${escapeHtml(v)}</code>`)
    .join(' · ');
  const latentDims = q.latent ? `, ${q.latent.dims} latent` : '';
  const note =
    `${src} · ${q.rows.real} real and ${q.rows.synthetic} synthetic rows, ` +
    `z-normalised on the real rows (${q.feature.dims} feature dimensions${latentDims}); ` +
    `TSTR classifier: ${escapeHtml(t.classifier)}; detection: ${escapeHtml(q.feature.detection.classifier)}. ` +
    "Real rows are the model's training rows unless another table was given, " +
    'so TSTR here measures fidelity, not generalisation.';
  const tstrTable = table('quality tstr', ['training → test', 'WA', 'UAR'], tstr);
  const perClassTable = table('quality perclass', ['emotion', 'real', 'synthetic', 'MMD² features', 'MMD² latent'], perClass);
  return `<h3>Synthetic-data quality: ${escapeHtml(name)}</h3>
<p class="meta">${note}</p>
<div class="side">${tstrTable}${perClassTable}</div>
${table('quality metrics', ['space', 'metric', 'value'], metrics)}`;
}

/** vega's browser build (installed with the vega package), inlined so the page needs no network. */
function vegaRuntime(): string {
  // vega's exports map hides build/vega.min.js; vega-schema.json is exported and sits beside it
  const file = join(dirname(createRequire(import.meta.url).resolve('vega/vega-schema.json')), 'vega.min.js');
  return readFileSync(file, 'utf8').replace(/<\/script/gi, '<\\/script');
}

/** JSON safe inside a <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// Replaces each figure's static SVG by a live vega view (tooltips on hover) once it has rendered; the static SVG
// stays if anything fails, so the page never shows less than the PNG export. data-live counts finished views.
const LIVE_SCRIPT = `
(function () {
  var figs = document.querySelectorAll('figure.figure[data-spec]');
  var done = 0;
  document.body.setAttribute('data-live', '0');
  figs.forEach(function (fig) {
    var holder = fig.querySelector('.live');
    var spec = JSON.parse(document.getElementById(fig.getAttribute('data-spec')).textContent);
    new vega.View(vega.parse(spec), { renderer: 'svg', container: holder, hover: true })
      .runAsync()
      .then(function () {
        var still = fig.querySelector('.static');
        if (still) still.remove();
        done += 1;
        document.body.setAttribute('data-live', String(done));
      })
      .catch(function (err) { console.warn('figure ' + fig.id + ' stays static: ' + err); });
  });
})();
`;

const NO_QUALITY = '<p>No model folder with training rows was given (run <code>adan quality --model M</code> or give a run folder).</p>';

export interface HtmlMeta {
  created: string;
  version: string;
  seed: number;
  embedding: string;
  /** Inline the vega runtime and render live views with tooltips (default true); false = static SVG only, no script. */
  interactive?: boolean;
}

/**
 * The whole report as one self-contained HTML page: inline CSS, inline SVG figures (made in Node), and unless
 * `interactive` is false the inline vega runtime that turns them into live views with tooltips. No external requests.
 */
export function renderHtml(inputs: ReportInputs, built: BuiltReport, meta: HtmlMeta): string {
  const interactive = meta.interactive !== false;
  const groups: Array<[string, string]> = [
    ['results', 'Result figures'],
    ['training', 'ADAN training (Fig. 2)'],
    ['embedding', 'Real vs synthetic samples (Fig. 3)'],
  ];
  const figureHtml = groups
    .map(([g, title]) => {
      const fs = built.figures.filter((f) => f.group === g);
      if (!fs.length) return '';
      return `<h2 id="fig-${g}">${escapeHtml(title)}</h2><div class="grid">${fs
        .map((f) => {
          const live = interactive
            ? '<div class="live"></div>' +
              `<script type="application/json" id="spec-${escapeHtml(f.id)}">${scriptJson(compileToVega(f.spec))}</script>`
            : '';
          const dataSpec = interactive ? ` data-spec="spec-${escapeHtml(f.id)}"` : '';
          const caption = `<figcaption><b>${escapeHtml(f.title)}.</b> ${escapeHtml(f.caption)}</figcaption>`;
          return (
            `<figure id="${escapeHtml(f.id)}" class="figure" data-group="${g}"${dataSpec}>` +
            `<div class="static">${scopeSvgIds(f.svg, f.id)}</div>${live}${caption}</figure>`
          );
        })
        .join('\n')}</div>`;
    })
    .join('\n');
  const warnings = inputs.warnings.length
    ? `<ul class="warn">${inputs.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`
    : '';
  const title = `ADAN report${inputs.results[0]?.data.dataset.name ? `: ${inputs.results[0].data.dataset.name}` : ''}`;
  const scriptSrc = interactive ? "; script-src 'unsafe-inline' 'unsafe-eval'" : '';
  const sources = [...inputs.results.map((r) => r.file), ...inputs.models.map((m) => m.dir)]
    .map((s) => `<code>${escapeHtml(s)}</code>`)
    .join(', ');
  const made =
    `Made by adan ${escapeHtml(meta.version)} on ${escapeHtml(meta.created)} · ` +
    `embedding ${escapeHtml(meta.embedding)}, seed ${meta.seed} · sources: ${sources}`;
  const nav =
    '<nav><a href="#configuration">configuration</a><a href="#results">results</a>' +
    (inputs.results.some(isBeyond) ? BEYOND_LINK : '') +
    '<a href="#fig-results">figures</a><a href="#quality">synthetic-data quality</a></nav>';
  const quality = built.quality.map((q) => qualitySection(q.name, q.report)).join('\n') || NO_QUALITY;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:${scriptSrc}">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${made}</p>
${nav}
${warnings}
<h2 id="configuration">Configuration</h2>
${inputs.results.map(configSection).join('\n') || '<p>No results file given.</p>'}
<h2 id="results">Results</h2>
${inputs.results.map(resultsSection).join('\n') || '<p>No results file given.</p>'}
${beyondSection(inputs.results)}
${figureHtml}
<h2 id="quality">Synthetic-data quality</h2>
${quality}
${interactive && built.figures.length ? `<script>${vegaRuntime()}</script>\n<script>${LIVE_SCRIPT}</script>` : ''}
</body></html>
`;
}
