import { run } from '../../src/cli/main.js';

/** Runs the CLI in this process, capturing stdout and stderr. */
export async function cli(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const errW = process.stderr.write.bind(process.stderr);
  const outW = process.stdout.write.bind(process.stdout);
  let stderr = '';
  let stdout = '';
  process.stderr.write = ((s: string | Uint8Array) => ((stderr += String(s)), true)) as typeof process.stderr.write;
  process.stdout.write = ((s: string | Uint8Array) => ((stdout += String(s)), true)) as typeof process.stdout.write;
  try {
    const code = await run(['node', 'adan', ...args]);
    return { code, stderr, stdout };
  } finally {
    process.stderr.write = errW;
    process.stdout.write = outW;
    process.exitCode = undefined;
  }
}
