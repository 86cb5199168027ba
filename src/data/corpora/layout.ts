import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { UserError } from '../../util/errors.js';
import type { CorpusReader, CorpusUtterance } from './types.js';

/** The folder `dir` or a one-line error naming the corpus and the layout it expects. */
export function requireFolder(dir: string, reader: Pick<CorpusReader, 'title' | 'layout'>): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`${dir}: no such folder (expected ${reader.title}: ${reader.layout})`);
  }
  return dir;
}

/** Every `.wav` under `dir` (recursive, sorted), as paths and as '/'-separated paths relative to `dir`. */
export function wavsUnder(dir: string): { path: string; rel: string }[] {
  const out: { path: string; rel: string }[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.wav')) out.push({ path: p, rel: relative(dir, p).split(sep).join('/') });
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The utterances found, or a one-line error saying that none matched the expected layout. */
export function nonEmpty(dir: string, reader: Pick<CorpusReader, 'title' | 'layout'>, utts: CorpusUtterance[]): CorpusUtterance[] {
  if (utts.length === 0) throw new UserError(`${dir}: no ${reader.title} files found (expected ${reader.layout})`);
  const seen = new Map<string, string>();
  for (const u of utts) {
    const prev = seen.get(u.id);
    if (prev !== undefined) {
      throw new UserError(`${dir}: two files give the utterance id '${u.id}' (${prev} and ${u.path}); keep one copy of the corpus`);
    }
    seen.set(u.id, u.path);
  }
  return utts;
}

/** File name without directory and `.wav` extension. */
export function stem(rel: string): string {
  const b = rel.slice(rel.lastIndexOf('/') + 1);
  return b.replace(/\.wav$/i, '');
}
