import { extractFiles, featureNames, csvHeader, csvRow, type FeatureSetName } from '../features/index.js';
import { readManifest, type Manifest } from '../data/corpora/manifest.js';
import { metaCell, metaSidecarPath, metaSidecarText } from '../data/corpora/table-meta.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UserError, fileError } from '../util/errors.js';

export interface ManifestExtractSummary {
  manifest: string;
  files: number;
  extracted: number;
  /** One line per file that could not be read (`path: problem`). */
  failed: string[];
  audioSeconds: number;
  output: string;
}

/**
 * `adan extract --manifest m.csv`: functionals of every manifest file as openSMILE CSV (`name;frameTime;...`)
 * followed by the manifest's columns; the metadata columns are recorded in `<output>.meta.json` so every reader
 * keeps them as metadata. A run with failures writes nothing (an earlier output survives) unless `keepGoing`, when the
 * failed files are left out, returned and named by the caller.
 */
export async function extractManifest(
  manifestFile: string,
  set: FeatureSetName,
  output: string,
  opts: { jobs: number; keepGoing?: boolean; onFile?: (done: number, total: number) => void },
): Promise<ManifestExtractSummary> {
  const m: Manifest = readManifest(manifestFile);
  const names = featureNames(set);
  const clash = m.columns.find((c) => names.includes(c));
  if (clash) throw fileError(manifestFile, `column '${clash}' has the name of a ${set} feature; rename it`);
  const rows: string[] = [];
  const failed: string[] = [];
  let audioSeconds = 0;
  let done = 0;
  await extractFiles(
    m.rows.map((r) => r.path),
    set,
    {
      jobs: Math.min(opts.jobs, Math.max(1, m.rows.length)),
      onResult: (i, _path, res) => {
        const r = m.rows[i];
        if (res.ok) {
          const meta = m.columns.map((c) => metaCell(r.values[c])).join(';');
          rows.push(`${csvRow(r.id, 0, res.values).slice(0, -1)};${meta}\n`);
          audioSeconds += res.seconds;
        } else failed.push(res.error);
        opts.onFile?.(++done, m.rows.length);
      },
    },
  );
  if (rows.length === 0) throw new UserError(`${manifestFile}: none of the ${m.rows.length} files could be read (first: ${failed[0]})`);
  if (failed.length > 0 && !opts.keepGoing) {
    const more = failed.length > 1 ? ` (and ${failed.length - 1} more failed file${failed.length > 2 ? 's' : ''})` : '';
    throw new UserError(`${failed[0]}${more}; nothing written (--keep-going writes the ${rows.length} good rows)`);
  }
  // Sidecar first: should the table's rename fail, an old table keeps a sidecar that names a superset at worst.
  writeFileAtomic(metaSidecarPath(output), metaSidecarText(m.columns, manifestFile));
  writeFileAtomic(output, `${csvHeader(names).slice(0, -1)};${m.columns.join(';')}\n${rows.join('')}`);
  return { manifest: manifestFile, files: m.rows.length, extracted: rows.length, failed, audioSeconds, output };
}
