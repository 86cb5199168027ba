/**
 * Which columns of a feature table are metadata. The rule is by name only, never by content: a column is
 * metadata when it is an id column, a known label/group/bookkeeping name, or named by the caller
 * (`--meta-cols`, `--label-col`, `--group-col`, `--where`). Every other column is a feature and must hold
 * numbers; a bad cell there is an error, so a typo in one cell can never silently drop a feature.
 */

/** Row-id columns, first match wins (openSMILE's `name`, then common alternatives). */
export const ID_COLUMNS: readonly string[] = ['name', 'id', 'file', 'utt_id', 'filename'];

/** Metadata names adan and the corpora it reads write: labels, speakers/sessions, provenance of synthetic rows. */
export const KNOWN_META_COLUMNS: readonly string[] = [
  'label',
  'emotion',
  'class',
  'speaker',
  'session',
  'group',
  'gender',
  'text',
  'type',
  'synthetic',
  'adan_fit',
  'source',
  'corpus',
];

/** Columns dropped by default: openSMILE's frame time (always 0 for functionals). */
export const DROPPED_COLUMNS: readonly string[] = ['frameTime'];

/** The set of metadata names: the known ones plus the caller's. */
export function metadataNames(extra: readonly string[] = []): Set<string> {
  return new Set([...KNOWN_META_COLUMNS, ...extra]);
}
