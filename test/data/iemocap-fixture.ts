// Builds IEMOCAP-shaped release trees from the real metadata in shared/data/iemocap (no real audio exists here).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWav } from '../../src/audio/wav-write.js';
import { sharedDir } from '../../src/util/paths.js';

/** The real summary lines, grouped by dialog. */
function linesByDialog(): Map<string, string[]> {
  const text = readFileSync(join(sharedDir(), 'data', 'iemocap', 'emo_evaluation_lines.txt'), 'utf8');
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('[')) continue;
    const id = line.split('\t')[1];
    const dialog = id.slice(0, id.lastIndexOf('_'));
    if (!out.has(dialog)) out.set(dialog, []);
    out.get(dialog)!.push(line);
  }
  return out;
}

/**
 * Writes `Session<s>/dialog/EmoEvaluation/<dialog>.txt` files in the release's layout (header line, one block per
 * turn with evaluator lines) for the given dialogs (default: all 151), and short generated WAVs at
 * `Session<s>/sentences/wav/<dialog>/<id>.wav` for the first `wavsPerDialog` turns of each dialog.
 */
export function writeIemocapTree(
  root: string,
  opts: { dialogs?: (d: string) => boolean; wavsPerDialog?: number } = {},
): { dialogs: number; wavs: string[] } {
  const wavs: string[] = [];
  let dialogs = 0;
  for (const [dialog, lines] of linesByDialog()) {
    if (opts.dialogs && !opts.dialogs(dialog)) continue;
    dialogs++;
    const session = Number(dialog.slice(3, 5));
    const dir = join(root, `Session${session}`, 'dialog', 'EmoEvaluation');
    mkdirSync(dir, { recursive: true });
    const blocks = lines.map((l) => `${l}\nC-E1:\tNeutral;\t()\nC-E2:\tNeutral;\t()\nA-E1:\tval 3; act 3; dom  3;\t()\n`);
    writeFileSync(join(dir, `${dialog}.txt`), `% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]\n\n${blocks.join('\n')}\n`);
    const n = Math.min(opts.wavsPerDialog ?? 0, lines.length);
    for (let k = 0; k < n; k++) {
      const id = lines[k].split('\t')[1];
      const wdir = join(root, `Session${session}`, 'sentences', 'wav', dialog);
      mkdirSync(wdir, { recursive: true });
      const sr = 16000;
      const x = new Float32Array(sr / 10);
      for (let i = 0; i < x.length; i++) x[i] = 0.3 * Math.sin((2 * Math.PI * (150 + 20 * k) * i) / sr);
      const p = join(wdir, `${id}.wav`);
      writeFileSync(p, encodeWav([x], sr, 'pcm16'));
      wavs.push(p);
    }
  }
  return { dialogs, wavs };
}
