import cliProgress from 'cli-progress';

/** A progress reporter: a bar on an interactive terminal (stderr), silent otherwise (pipes, CI, --json). */
export interface Progress {
  start(total: number, label?: string): void;
  update(done: number, info?: Record<string, string | number>): void;
  increment(info?: Record<string, string | number>): void;
  stop(): void;
}

export function progressBar(opts: { enabled?: boolean; format?: string } = {}): Progress {
  const enabled = opts.enabled ?? (process.stderr.isTTY === true && process.env.CI !== 'true');
  if (!enabled) {
    return { start() {}, update() {}, increment() {}, stop() {} };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: opts.format ?? '{label} [{bar}] {value}/{total} {percentage}% eta {eta_formatted} {info}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const fmt = (info?: Record<string, string | number>): string =>
    info ? Object.entries(info).map(([k, v]) => `${k}=${typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(4)) : v}`).join(' ') : '';
  return {
    start(total, label = '') {
      bar.start(total, 0, { label, info: '' });
    },
    update(done, info) {
      bar.update(done, { info: fmt(info) });
    },
    increment(info) {
      bar.increment(1, { info: fmt(info) });
    },
    stop() {
      bar.stop();
    },
  };
}
