// A small pool of child processes, one BLAS thread each: the parent sends every child one init message, then tasks
// one at a time; a child answers each task with progress messages and one result or error. The fold workers of
// evaluation (src/eval/fold-jobs.ts) and the benchmark's piece workers (bench/beyond-paper.ts) both run on it.
import { fork, type ChildProcess } from 'node:child_process';
import { UserError } from './errors.js';

/** Parent to child. */
export type ChildRequest<I, T> = { type: 'init'; init: I } | { type: 'task'; task: T };

/** Child to parent, for the task it is running. */
export type ChildReply<R, P> =
  { type: 'progress'; progress: P } | { type: 'done'; result: R } | { type: 'error'; message: string; user: boolean };

export interface ChildPoolOptions<I, T, P> {
  /** The child's entry script (it calls serveChildTasks). */
  script: string;
  args?: string[];
  /** Sent once to every child before its first task. */
  init: I;
  tasks: readonly T[];
  jobs: number;
  /** Names a task in errors ("fold 3", a piece's JSON). */
  describe: (task: T) => string;
  onProgress?: (progress: P) => void;
  /** Called after each finished task with the count finished so far. */
  onDone?: (done: number) => void;
  /** The children's stdout (default inherit; 'ignore' when the parent's stdout is its JSON output). */
  stdout?: 'inherit' | 'ignore';
}

/**
 * Runs the tasks in min(jobs, tasks) children and returns their results in task order. A child's UserError arrives
 * as the same one-line UserError; any other failure names the task. The first failure stops every child.
 */
export async function runInChildren<I, T, R, P>(o: ChildPoolOptions<I, T, P>): Promise<R[]> {
  const out = new Array<R>(o.tasks.length);
  const queue = o.tasks.map((task, i) => ({ task, i }));
  const children: ChildProcess[] = [];
  let failed = false;
  let done = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.min(o.jobs, o.tasks.length) }, async () => {
        const child = fork(o.script, o.args ?? [], {
          // The loader flags (tsx) but not a test runner's own flags.
          execArgv: process.execArgv.filter((a) => !a.startsWith('--test')),
          // One BLAS thread per child: the children use the cores. OPENBLAS_CORETYPE and the rest pass through.
          env: { ...process.env, OPENBLAS_NUM_THREADS: '1' },
          stdio: ['ignore', o.stdout ?? 'inherit', 'inherit', 'ipc'],
          // Typed arrays (a table, its labels) cross as they are.
          serialization: 'advanced',
        });
        children.push(child);
        child.send({ type: 'init', init: o.init } satisfies ChildRequest<I, T>);
        for (let next = queue.shift(); next && !failed; next = queue.shift()) {
          const { task, i } = next;
          out[i] = await new Promise<R>((resolve, reject) => {
            const onExit = (code: number | null, signal: string | null) =>
              reject(new Error(`child process exited (${signal ?? code}) while running ${o.describe(task)}`));
            const onMessage = (m: ChildReply<R, P>) => {
              if (m.type === 'progress') return o.onProgress?.(m.progress);
              child.off('message', onMessage);
              child.off('exit', onExit);
              if (m.type === 'error') reject(m.user ? new UserError(m.message) : new Error(`${o.describe(task)}: ${m.message}`));
              else resolve(m.result);
            };
            child.once('exit', onExit);
            child.on('message', onMessage);
            child.send({ type: 'task', task } satisfies ChildRequest<I, T>);
          }).catch((err: unknown) => {
            failed = true;
            throw err;
          });
          o.onDone?.(++done);
        }
        child.disconnect();
      }),
    );
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill();
  }
  return out;
}

/** The child's side: runs each task it is sent with the init it got first, and replies as runInChildren expects. */
export function serveChildTasks<I, T, R, P>(run: (init: I, task: T, progress: (p: P) => void) => Promise<R>): void {
  const send = (m: ChildReply<R, P>): void => {
    process.send!(m);
  };
  let init: I | undefined;
  process.on('message', (msg: ChildRequest<I, T>) => {
    if (msg.type === 'init') {
      init = msg.init;
      return;
    }
    run(init!, msg.task, (progress) => send({ type: 'progress', progress }))
      .then((result) => send({ type: 'done', result }))
      .catch((err: unknown) =>
        send({
          type: 'error',
          message: err instanceof UserError ? err.message : ((err as Error).stack ?? String(err)),
          user: err instanceof UserError,
        }),
      );
  });
}
