import cliProgress from 'cli-progress';

/**
 * A progress reporter. On an interactive terminal: a bar on stderr. Elsewhere (pipes, CI logs, Slurm
 * output files): a plain line at most once a minute, so a long run shows it is alive without flooding
 * the log. `enabled: false` (e.g. --json) silences it.
 */
export interface Progress {
  start(total: number, label?: string): void;
  update(done: number, info?: Record<string, string | number>): void;
  increment(info?: Record<string, string | number>): void;
  stop(): void;
}

export interface ProgressOptions {
  readonly enabled?: boolean;
  readonly format?: string;
  /** Line mode: seconds between lines (default 60). */
  readonly lineEverySeconds?: number;
  /** For tests: where lines go and what time it is (ms). */
  readonly write?: (line: string) => void;
  readonly now?: () => number;
}

const fmtInfo = (info?: Record<string, string | number>): string =>
  info
    ? Object.entries(info)
        .map(([k, v]) => `${k}=${typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(4)) : v}`)
        .join(' ')
    : '';

export function progressBar(opts: ProgressOptions = {}): Progress {
  if (opts.enabled === false) return { start() {}, update() {}, increment() {}, stop() {} };
  const tty = opts.enabled ?? (process.stderr.isTTY === true && process.env.CI !== 'true');
  return tty ? terminalBar(opts) : lineProgress(opts);
}

function terminalBar(opts: ProgressOptions): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: opts.format ?? '{label} [{bar}] {value}/{total} {percentage}% eta {eta_formatted} {info}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start(total, label = '') {
      bar.start(total, 0, { label, info: '' });
    },
    update(done, info) {
      bar.update(done, { info: fmtInfo(info) });
    },
    increment(info) {
      bar.increment(1, { info: fmtInfo(info) });
    },
    stop() {
      bar.stop();
    },
  };
}

function lineProgress(opts: ProgressOptions): Progress {
  const now = opts.now ?? Date.now;
  const write = opts.write ?? ((line: string) => void process.stderr.write(line));
  const everyMs = (opts.lineEverySeconds ?? 60) * 1000;
  let label = '';
  let total = 0;
  let done = 0;
  let t0 = 0;
  let last = 0;
  const report = (info?: Record<string, string | number>): void => {
    const t = now();
    if (t - last < everyMs) return;
    last = t;
    const s = (t - t0) / 1000;
    const eta = done > 0 && total > done ? ` eta ${Math.round((s / done) * (total - done))} s` : '';
    const extra = fmtInfo(info);
    write(
      `adan: ${label ? `${label} ` : ''}${done}/${total} (${total > 0 ? Math.floor((100 * done) / total) : 0}%) ` +
        `after ${Math.round(s)} s${eta}${extra ? ` ${extra}` : ''}\n`,
    );
  };
  return {
    start(n, l = '') {
      label = l;
      total = n;
      done = 0;
      t0 = now();
      last = t0;
    },
    update(d, info) {
      done = d;
      report(info);
    },
    increment(info) {
      done++;
      report(info);
    },
    stop() {},
  };
}

/**
 * A callback for work in stages (`extract IS11 ...`, `evaluate 03`): the first word of `what` names the stage, and
 * each new stage restarts the bar with its own total.
 */
export function stagedProgress(bar: Progress): (done: number, total: number, what: string) => void {
  let stage = '';
  return (done, total, what) => {
    const s = what.split(' ')[0];
    if (s !== stage) {
      if (stage) bar.stop();
      stage = s;
      bar.start(total, s);
    }
    bar.update(done, { at: what });
  };
}
