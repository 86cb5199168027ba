import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { fileError } from './errors.js';

const TEMP_PATTERN = /^\.(.+)\.(\d+)\.(\d+)\.tmp$/;

/** True when a process with this id exists (a signal-0 probe; EPERM means it exists but is not ours). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporaries of `target` left by our own killed runs (`kill -9` cannot run cleanup code): siblings named
 * `.<target>.<pid>.<time>.tmp` whose process no longer exists. Other files are never touched.
 */
export function removeStaleTemps(target: string): void {
  const dir = dirname(target);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = TEMP_PATTERN.exec(n);
    if (!m || m[1] !== basename(target) || Number(m[2]) === process.pid || processAlive(Number(m[2]))) continue;
    rmSync(join(dir, n), { force: true, recursive: true });
  }
}

/** Path of a temporary sibling of `target`, unique per process, on the same filesystem so rename is atomic. */
export function tempSibling(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
}

/** Refuses an output path that is an existing directory (the rename would fail with a message about the temp file). */
export function checkOutputFile(target: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    return;
  }
  if (isDir) throw fileError(target, 'is a directory; give a file name for the output');
}

/**
 * Writes a file atomically: the content goes to a temporary sibling that is renamed over the target,
 * so an interrupted run never leaves a half-written file in the target's place.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  checkOutputFile(target);
  mkdirSync(dirname(target), { recursive: true });
  removeStaleTemps(target);
  const tmp = tempSibling(target);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * A text file written in pieces through a temporary sibling and renamed over the target by `commit` (never
 * half-written; `abort` leaves an earlier file untouched). Pieces are buffered up to 1 MiB, so memory stays flat.
 */
export class AtomicTextFile {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  readonly target: string;
  readonly tmp: string;
  constructor(target: string) {
    this.target = resolve(target);
    checkOutputFile(this.target);
    mkdirSync(dirname(this.target), { recursive: true });
    removeStaleTemps(this.target);
    this.tmp = tempSibling(this.target);
    this.fd = openSync(this.tmp, 'w');
  }
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.buf.length) writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
  commit(): void {
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
    renameSync(this.tmp, this.target);
  }
  abort(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    rmSync(this.tmp, { force: true });
  }
}
