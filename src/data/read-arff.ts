import { readFileSync } from 'node:fs';
import { fileError } from '../util/errors.js';
import type { FeatureTable } from './table.js';
import { ID_COLUMNS, metadataNames } from './meta-columns.js';
import { checkUniqueColumns, checkUniqueIds } from './table-checks.js';

/** Splits one ARFF line on commas/whitespace outside single or double quotes, unquoting tokens. */
export function splitArffValues(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) break;
    let tok = '';
    const q = line[i];
    if (q === "'" || q === '"') {
      i++;
      while (i < n && line[i] !== q) {
        if (line[i] === '\\' && i + 1 < n) i++;
        tok += line[i++];
      }
      if (i >= n) throw new Error(`unterminated quote in: ${line.slice(0, 60)}`);
      i++;
    } else {
      while (i < n && line[i] !== ',') tok += line[i++];
      tok = tok.trim();
    }
    out.push(tok);
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i < n && line[i] === ',') i++;
  }
  return out;
}

interface ArffAttribute {
  name: string;
  kind: 'numeric' | 'nominal' | 'string';
  values?: string[];
}

/** Parses `@attribute <name> <type>`; names may be quoted, nominal types are `{a,b,...}`. */
function parseAttribute(rest: string): ArffAttribute {
  let name: string;
  let type: string;
  const r = rest.trim();
  if (r[0] === "'" || r[0] === '"') {
    const end = r.indexOf(r[0], 1);
    if (end < 0) throw new Error(`unterminated attribute name: ${r}`);
    name = r.slice(1, end);
    type = r.slice(end + 1).trim();
  } else {
    const m = /^(\S+)\s+([\s\S]*)$/.exec(r);
    if (!m) throw new Error(`bad attribute line: ${r}`);
    name = m[1];
    type = m[2].trim();
  }
  if (type.startsWith('{')) {
    const close = type.lastIndexOf('}');
    return { name, kind: 'nominal', values: splitArffValues(type.slice(1, close < 0 ? undefined : close)) };
  }
  const t = type.toLowerCase();
  if (t === 'numeric' || t === 'real' || t === 'integer') return { name, kind: 'numeric' };
  if (t === 'string' || t.startsWith('date')) return { name, kind: 'string' };
  throw new Error(`attribute '${name}': unsupported type '${type}'`);
}

/**
 * Reads a Weka ARFF table (what openSMILE's `-arffout` and the paper's pipeline wrote): numeric attributes become
 * features; nominal and string attributes become metadata (openSMILE's `name` string attribute is the id, its
 * `class` nominal attribute a label column). A numeric attribute with a metadata name (meta-columns.ts or
 * `metaColumns`, e.g. a numeric speaker id) is metadata too. Sparse data (`{i v, ...}` rows) is not supported.
 */
export function readArffTable(path: string, metaColumns: readonly string[] = []): FeatureTable {
  const text = readFileSync(path, 'utf8');
  const lines = text.split(/\r?\n/);
  const attrs: ArffAttribute[] = [];
  let dataAt = -1;
  try {
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i].trim();
      if (l === '' || l.startsWith('%')) continue;
      const low = l.toLowerCase();
      if (low.startsWith('@relation')) continue;
      if (low.startsWith('@attribute')) {
        attrs.push(parseAttribute(l.slice('@attribute'.length)));
        continue;
      }
      if (low.startsWith('@data')) {
        dataAt = i + 1;
        break;
      }
      throw new Error(`line ${i + 1}: unexpected '${l.slice(0, 40)}' before @data`);
    }
  } catch (e) {
    throw fileError(path, `not a valid ARFF file (${(e as Error).message})`);
  }
  if (dataAt < 0) throw fileError(path, 'not a valid ARFF file (no @data section)');
  if (attrs.length === 0) throw fileError(path, 'not a valid ARFF file (no @attribute lines)');
  checkUniqueColumns(
    path,
    attrs.map((a) => a.name),
  );
  const metaNames = metadataNames(metaColumns);
  const idCol = attrs.findIndex((a) => a.kind !== 'numeric' && ID_COLUMNS.includes(a.name));
  const isFeature = (a: ArffAttribute): boolean => a.kind === 'numeric' && !metaNames.has(a.name);
  const featureIdx = attrs.map((a, j) => (isFeature(a) ? j : -1)).filter((j) => j >= 0);
  const metaIdx = attrs.map((a, j) => (!isFeature(a) && j !== idCol ? j : -1)).filter((j) => j >= 0);
  if (featureIdx.length === 0) throw fileError(path, 'no numeric attributes');
  const rows: string[][] = [];
  for (let i = dataAt; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l === '' || l.startsWith('%')) continue;
    if (l.startsWith('{')) throw fileError(path, `line ${i + 1}: sparse ARFF rows are not supported`);
    let v: string[];
    try {
      v = splitArffValues(l);
    } catch (e) {
      throw fileError(path, `line ${i + 1}: ${(e as Error).message}`);
    }
    if (v.length !== attrs.length) throw fileError(path, `line ${i + 1}: ${v.length} values but ${attrs.length} attributes`);
    for (const j of featureIdx) {
      if (v[j] === '?' || !Number.isFinite(Number(v[j])) || v[j] === '') {
        throw fileError(
          path,
          `line ${i + 1}: attribute '${attrs[j].name}' is '${v[j]}', not a ` +
            `number${v[j] === '?' ? ' (missing values are not supported)' : ''}`,
        );
      }
    }
    for (const j of metaIdx) {
      const a = attrs[j];
      if (a.kind === 'nominal' && v[j] !== '?' && !a.values!.includes(v[j])) {
        throw fileError(path, `line ${i + 1}: '${v[j]}' is not a value of nominal attribute '${a.name}'`);
      }
    }
    rows.push(v);
  }
  if (rows.length === 0) throw fileError(path, 'no data rows');
  const d = featureIdx.length;
  const features = new Float32Array(rows.length * d);
  rows.forEach((r, i) => {
    for (let k = 0; k < d; k++) features[i * d + k] = Number(r[featureIdx[k]]);
  });
  const meta: Record<string, string[]> = {};
  for (const j of metaIdx) {
    // openSMILE writes `class` as '?' when unlabelled: then it carries no information.
    if (attrs[j].name === 'class' && rows.every((r) => r[j] === '?')) continue;
    meta[attrs[j].name] = rows.map((r) => r[j]);
  }
  const ids = idCol >= 0 ? rows.map((r) => r[idCol]) : rows.map((_, i) => String(i + 1));
  if (idCol >= 0) checkUniqueIds(path, ids);
  return { ids, featureNames: featureIdx.map((j) => attrs[j].name), features, meta };
}
