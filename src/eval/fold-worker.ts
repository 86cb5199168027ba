// A fold worker (fold-jobs.ts forks it): receives the table, configuration and stage settings once, then runs the
// outer folds it is sent, one at a time, and replies with each fold's (partial) results.
import { withBlasThreads } from '../nn/index.js';
import { serveChildTasks } from '../util/child-pool.js';
import { stagesFrom, type FoldWorkerInit, type FoldWorkerProgress } from './fold-jobs.js';
import { runEvaluation, type EvaluationResults } from './protocol.js';
import { writeFoldTrainingRows } from './training-rows.js';

serveChildTasks<FoldWorkerInit, number, EvaluationResults, FoldWorkerProgress>(
  ({ data, config, stages, version, backend }, fold, progress) =>
    // OPENBLAS_NUM_THREADS=1 from the parent already; set here too so the worker's numbers never depend on its env.
    withBlasThreads(1, () =>
      runEvaluation(data, { ...config, fold }, stagesFrom(stages), {
        version,
        backend,
        onModelSaved: writeFoldTrainingRows,
        onPiece: (_d, _t, info) => progress({ type: 'piece', ...info }),
        onInner: (info) => progress({ type: 'inner', info }),
      }),
    ),
);
