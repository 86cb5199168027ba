import { existsSync, readFileSync } from 'node:fs';
import { fileError } from '../../util/errors.js';

/**
 * Which columns of a feature table are metadata, recorded beside the table when it is written
 * (`<table>.meta.json`), so readers take them as metadata by name even when the values look numeric (a session
 * number must never become a feature).
 */
export function metaSidecarPath(table: string): string {
  return `${table}.meta.json`;
}

export function metaSidecarText(columns: readonly string[], source: string): string {
  return JSON.stringify({ metadataColumns: columns, source }) + '\n';
}

/** The metadata columns recorded for `table` (none when there is no sidecar). */
export function recordedMetaColumns(table: string): string[] {
  const p = metaSidecarPath(table);
  if (!existsSync(p)) return [];
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(p, 'utf8'));
  } catch (e) {
    throw fileError(p, `not valid JSON (${(e as Error).message})`);
  }
  const cols = (v as { metadataColumns?: unknown }).metadataColumns;
  if (!Array.isArray(cols) || !cols.every((c) => typeof c === 'string')) throw fileError(p, 'expected {"metadataColumns": ["label", ...]}');
  return cols as string[];
}

/** One metadata cell in a `;`-separated table: quoted when it holds the delimiter, a quote or a line break. */
export function metaCell(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
