/** A server in its own process for the benchmarks: the real `ta-forum serve`, or one that does nothing. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** An HTTP server that answers every request at once, in its own process: the client's own share of the figures. */
export const EMPTY_SERVER = `const s = require('node:http').createServer((q, r) => { q.resume(); q.on('end', () => r.end('ok')); });
s.listen(0, '127.0.0.1', () => console.error(JSON.stringify({ msg: 'TA Forum Bot is running', url: 'http://127.0.0.1:' + s.address().port })));`;

/** Starts a server process and returns its URL once its log says it is up (the log is read to the end). */
export async function startServer(args: string[], env: NodeJS.ProcessEnv): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  // A full pipe would stall the server's synchronous log writes: every line is read.
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stderr });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'TA Forum Bot is running' && entry.url) resolve(entry.url);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it started`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
