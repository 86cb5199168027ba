import { Command, CommanderError } from 'commander';
import { UserError } from '../util/errors.js';
import { registerExtract } from './commands/extract.js';
import { registerTrain } from './commands/train.js';
import { registerAugment } from './commands/augment.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerMerge } from './commands/merge.js';
import { registerReproduce } from './commands/reproduce.js';
import { registerRun } from './commands/run.js';
import { registerReport } from './commands/report.js';
import { registerQuality } from './commands/quality.js';
import { registerBench } from './commands/bench.js';
import { versionLine } from './version.js';

/** Builds the `adan` program; each stage registers its own sub-command (one file per command). */
export function buildProgram(): Command {
  const program = new Command('adan')
    .description(
      'Speech emotion recognition with adversarial data augmentation (ADAN): features, training, augmentation, evaluation, reports',
    )
    .version(versionLine(), '-V, --version', 'print the version and the numeric backend in use')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerExtract(program);
  registerTrain(program);
  registerAugment(program);
  registerEvaluate(program);
  registerMerge(program);
  registerReproduce(program);
  registerRun(program);
  registerReport(program);
  registerQuality(program);
  registerBench(program);
  return program;
}

/** File-system errors caused by the user's paths, as one line. */
const FS_PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links (a symlink loop)',
  ENAMETOOLONG: 'file name too long',
  ENOSPC: 'no space left on the device',
};

/** Runs the CLI and returns the exit code. User errors print one line, never a stack trace. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof UserError) {
      process.stderr.write(`adan: ${err.message}\n`);
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (e && e.code === 'ENOENT' && e.path) {
      process.stderr.write(`adan: ${e.path}: no such file or directory\n`);
      return 1;
    }
    const fsProblem = e && e.path ? FS_PROBLEMS[e.code ?? ''] : undefined;
    if (fsProblem) {
      // a rename onto a directory reports the temporary file as the path: name the target instead
      const shown = (e as { dest?: string }).dest ?? e.path;
      process.stderr.write(`adan: ${shown}: ${fsProblem}\n`);
      return 1;
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`adan: internal error: ${msg.split('\n')[0]}\n`);
    if (process.env.ADAN_DEBUG === '1' && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
    else process.stderr.write('adan: (set ADAN_DEBUG=1 for details)\n');
    return 2;
  }
}
