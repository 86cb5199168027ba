// The import graph of src/ keeps the layering the README describes: dependencies point one way
// (cli -> experiments -> eval -> augment/classify -> adan -> nn; features -> audio; data and util below what they
// serve), and the CLI reaches a package only through its index.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../src/util/paths.js';

const SRC = join(packageRoot(), 'src');

/** Layer of each top-level folder of src/: a module may import only strictly lower layers (siblings of one rank not
 *  each other). report reads eval's results; experiments (whole pipelines) write reports; the CLI is on top. */
const LAYER: Readonly<Record<string, number>> = {
  util: 0,
  data: 1,
  audio: 1,
  nn: 2,
  features: 2,
  adan: 3,
  augment: 4,
  classify: 4,
  eval: 5,
  report: 6,
  experiments: 7,
  cli: 8,
};

interface Edge {
  from: string; // path under src/
  to: string; // path under src/
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Relative imports (static, re-exports and dynamic) of every .ts file under src/, as src-relative .ts paths. */
function importEdges(): Edge[] {
  const edges: Edge[] = [];
  const spec = /(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g;
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(spec)) {
      const target = resolve(dirname(file), m[1]).replace(/\.js$/, '.ts');
      edges.push({ from: relative(SRC, file), to: relative(SRC, target) });
    }
  }
  return edges;
}

const topOf = (p: string): string => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '');

test('src/ imports resolve to files in src/ and every top-level folder has a layer', () => {
  const edges = importEdges();
  assert.ok(edges.length > 100, `only ${edges.length} imports found: is the parser broken?`);
  for (const e of edges) {
    assert.ok(existsSync(join(SRC, e.to)), `${e.from} imports ${e.to}, which does not exist`);
    for (const p of [e.from, e.to]) {
      const top = topOf(p);
      assert.ok(top === '' || top in LAYER, `${p}: folder src/${top} has no layer in test/architecture.test.ts`);
    }
  }
});

test(
  'no lower layer imports a higher one (cli -> experiments -> report -> ' +
    'eval -> augment/classify -> adan -> nn/features -> data/audio -> util)',
  () => {
    const bad: string[] = [];
    for (const e of importEdges()) {
      const a = topOf(e.from);
      const b = topOf(e.to);
      if (a === '' || a === b) continue; // src/index.ts is the public API above every layer
      if (b === '') bad.push(`${e.from} imports the package root ${e.to}`);
      else if (LAYER[b] >= LAYER[a]) bad.push(`${e.from} (${a}, layer ${LAYER[a]}) imports ${e.to} (${b}, layer ${LAYER[b]})`);
    }
    assert.deepEqual(bad, []);
  },
);

test('src/cli reaches other packages only through their index.js (folders without one are plain modules)', () => {
  const bad: string[] = [];
  for (const e of importEdges()) {
    const b = topOf(e.to);
    if (topOf(e.from) !== 'cli' || b === 'cli' || b === '') continue;
    const hasIndex = existsSync(join(SRC, b, 'index.ts'));
    if (hasIndex && e.to !== `${b}/index.ts`) bad.push(`${e.from} imports ${e.to}`);
  }
  assert.deepEqual(bad, []);
});

test('the layering test can fail: a deep cli import and an upward import are caught', () => {
  // Guards against a parser that silently finds nothing: the real graph has both kinds of edge to check.
  const edges = importEdges();
  assert.ok(edges.some((e) => topOf(e.from) === 'cli' && topOf(e.to) === 'adan' && e.to === 'adan/index.ts'));
  assert.ok(edges.some((e) => topOf(e.from) === 'eval' && topOf(e.to) === 'adan'));
});

test('no import cycles between src modules (e.g. options <-> presets, model <-> persist)', () => {
  const next = new Map<string, string[]>();
  for (const e of importEdges()) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (u: string, path: string[]): void => {
    state.set(u, 'open');
    for (const v of next.get(u) ?? []) {
      if (state.get(v) === 'open') cycles.push([...path.slice(path.indexOf(v)), v].join(' -> '));
      else if (!state.has(v)) visit(v, [...path, v]);
    }
    state.set(u, 'done');
  };
  for (const u of next.keys()) if (!state.has(u)) visit(u, [u]);
  assert.deepEqual(cycles, []);
});
