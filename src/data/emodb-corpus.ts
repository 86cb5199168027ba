import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { UserError, fileError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { EMODB_SPEAKERS, parseEmodbName, type EmodbUtterance } from './emodb-names.js';
import { readZip } from './zip.js';

/** The official EmoDB release (Burkhardt et al. 2005). */
export const EMODB_URL = 'http://emodb.bilderbar.info/download/download.zip';
/** Utterances per class in the complete corpus (535 in all). */
export const EMODB_CLASS_COUNTS: Readonly<Record<string, number>> = {
  anger: 127,
  boredom: 81,
  disgust: 46,
  fear: 69,
  happiness: 71,
  sadness: 62,
  neutral: 79,
};

export interface EmodbFile extends EmodbUtterance {
  path: string;
  label: string;
}

export interface EmodbCorpus {
  /** The folder holding the WAVs. */
  wavDir: string;
  files: EmodbFile[];
  /** 'ok' when SHA256SUMS was found and every listed file matched, 'absent' when there was no checksum file. */
  checksums: 'ok' | 'absent';
}

/** Where the official download is cached (`~/.cache/adan/emodb`, or $XDG_CACHE_HOME/adan/emodb). */
export function emodbCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ? process.env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'adan', 'emodb');
}

function wavFolder(dir: string): string {
  if (!existsSync(dir)) throw new UserError(`${dir}: no such folder`);
  return existsSync(join(dir, 'wav')) ? join(dir, 'wav') : dir;
}

/** Checks `SHA256SUMS` (in the WAV folder or beside it) against the files it lists that are present. */
function verifyChecksums(wavDir: string, present: Set<string>): 'ok' | 'absent' {
  const sums = [join(wavDir, 'SHA256SUMS'), join(dirname(wavDir), 'SHA256SUMS')].find((p) => existsSync(p));
  if (!sums) return 'absent';
  for (const line of readFileSync(sums, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(line.trim());
    if (!m) continue;
    const name = basename(m[2]);
    if (!present.has(name)) continue;
    const digest = createHash('sha256')
      .update(readFileSync(join(wavDir, name)))
      .digest('hex');
    if (digest !== m[1]) throw fileError(join(wavDir, name), `checksum mismatch with ${sums} (corrupt or modified file)`);
  }
  return 'ok';
}

/**
 * EmoDB from its folder of WAVs (or a folder with a `wav/` subfolder, as the release unpacks): label, speaker,
 * gender and text from each file name; files whose names are not EmoDB names are ignored.
 */
export function emodbCorpus(dir: string, opts: { verify?: boolean } = {}): EmodbCorpus {
  const wavDir = wavFolder(dir);
  const names = readdirSync(wavDir)
    .filter((f) => f.toLowerCase().endsWith('.wav'))
    .sort();
  const files: EmodbFile[] = [];
  for (const f of names) {
    const p = parseEmodbName(f.slice(0, -4));
    if (p) files.push({ ...p, path: join(wavDir, f), label: p.emotion });
  }
  if (files.length === 0) throw new UserError(`${wavDir}: no EmoDB WAV files (names like 03a01Fa.wav)`);
  const checksums = opts.verify === false ? 'absent' : verifyChecksums(wavDir, new Set(files.map((f) => basename(f.path))));
  return { wavDir, files, checksums };
}

/** Counts per label and the speakers present, to compare with the complete corpus (535 / 10 / 7). */
export function emodbSummary(c: EmodbCorpus): { files: number; speakers: string[]; counts: Record<string, number>; complete: boolean } {
  const counts: Record<string, number> = {};
  for (const f of c.files) counts[f.label] = (counts[f.label] ?? 0) + 1;
  const speakers = [...new Set(c.files.map((f) => f.speaker))].sort();
  const complete =
    c.files.length === 535 &&
    speakers.length === EMODB_SPEAKERS.length &&
    Object.entries(EMODB_CLASS_COUNTS).every(([k, v]) => counts[k] === v);
  return { files: c.files.length, speakers, counts, complete };
}

/**
 * EmoDB from `dir`, or else from the cache, or else downloaded from the official site into the cache (needs
 * network; never used by tests).
 */
export async function emodbCorpusOrDownload(dir: string | undefined, log: (msg: string) => void = () => {}): Promise<EmodbCorpus> {
  if (dir) return emodbCorpus(dir);
  const cache = emodbCacheDir();
  if (existsSync(join(cache, 'wav'))) return emodbCorpus(cache);
  log(`downloading EmoDB from ${EMODB_URL} to ${cache}`);
  let buf: Buffer;
  try {
    const res = await fetch(EMODB_URL);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    buf = Buffer.from(await res.arrayBuffer());
  } catch (e) {
    throw new UserError(`cannot download EmoDB from ${EMODB_URL} (${(e as Error).message}); download it yourself and pass --emodb DIR`);
  }
  mkdirSync(join(cache, 'wav'), { recursive: true });
  let n = 0;
  for (const e of readZip(buf)) {
    if (!/^wav\/[^/]+\.wav$/i.test(e.name)) continue;
    writeFileAtomic(join(cache, 'wav', basename(e.name)), e.data);
    n++;
  }
  if (n === 0) throw new UserError(`${EMODB_URL}: the archive holds no wav/*.wav files`);
  return emodbCorpus(cache, { verify: false });
}
