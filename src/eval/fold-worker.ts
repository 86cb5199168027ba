// A fold worker (fold-jobs.ts forks it): receives the table, configuration and stage settings once, then runs the
// outer folds it is sent, one at a time, and replies with each fold's (partial) results.
import { withBlasThreads } from '../nn/index.js';
import { UserError } from '../util/errors.js';
import { stagesFrom, type FoldWorkerInit, type FoldWorkerReply, type FoldWorkerTask } from './fold-jobs.js';
import { runEvaluation } from './protocol.js';
import { writeFoldTrainingRows } from './training-rows.js';

const send = (m: FoldWorkerReply): void => {
  process.send!(m);
};

let init: FoldWorkerInit | undefined;

process.on('message', (msg: FoldWorkerInit | FoldWorkerTask) => {
  if (msg.type === 'init') {
    init = msg;
    return;
  }
  const { data, config, stages, version, backend } = init!;
  // OPENBLAS_NUM_THREADS=1 from the parent already; set here too so the worker's numbers never depend on its env.
  withBlasThreads(1, () =>
    runEvaluation(data, { ...config, fold: msg.fold }, stagesFrom(stages), {
      version,
      backend,
      onModelSaved: writeFoldTrainingRows,
      onPiece: (_d, _t, info) => send({ type: 'piece', ...info }),
      onInner: (info) => send({ type: 'inner', info }),
    }),
  )
    .then((results) => send({ type: 'done', results }))
    .catch((err: unknown) =>
      send({
        type: 'error',
        message: err instanceof UserError ? err.message : ((err as Error).stack ?? String(err)),
        user: err instanceof UserError,
      }),
    );
});
