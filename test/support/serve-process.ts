/**
 * `ta-forum serve` as a person runs it, in its own process, for tests of what crosses processes
 * (the data folder's lock, the CLI beside a running bot): started with the given environment,
 * its web chat's address read from what it prints at start, stopped with Ctrl+C (SIGINT).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

export const BIN = path.resolve('adapters/host/bin.mjs');
export const SERVE_START_TIMEOUT_MS = 60_000;

export interface ServeProcess {
  /** The web chat's address, e.g. http://127.0.0.1:41234 */
  url: string;
  pid: number;
  /** Stops it (SIGINT, as Ctrl+C) and waits for it to exit; safe to call twice. */
  stop(): Promise<void>;
}

/** Starts `ta-forum serve` in `cwd`; set `HOST=127.0.0.1` and `PORT=0` in `env`. */
export function startServeProcess(cwd: string, env: Record<string, string>): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    await exited;
  };
  let output = '';
  return new Promise<ServeProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the server did not start: ${output}`));
    }, SERVE_START_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (found && /running/.test(output)) {
        clearTimeout(timer);
        resolve({ url: found[0], pid: child.pid ?? 0, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server stopped (${code}): ${output}`));
    });
  });
}
