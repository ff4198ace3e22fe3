/** A server in its own process for the benchmarks: the real `ta-forum serve`, or one that does nothing. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { SIGNING_SECRET, TEAM_ID } from '../support/slack-requests.ts';

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

/** `ta-forum serve` on a free loopback port, on its own data directory, with Slack pointed at a local fake. */
export function startSlackServe(dataDir: string, apiUrl: string, extra: NodeJS.ProcessEnv = {}): Promise<{ url: string; stop(): Promise<void> }> {
  return startServer(['adapters/host/bin.mjs', 'serve'], {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    TA_FORUM_DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    SLACK_ALLOWED_WORKSPACES: TEAM_ID,
    ...extra,
  });
}
