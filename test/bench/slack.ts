/**
 * Slack acknowledgement latency: `ta-forum serve` with the Slack adapter in its own process (its Web
 * API played by a local server here), 100 signed requests sent at once, several rounds; prints p50
 * and p99 of the HTTP answers (Slack's limit is 3 s; the goal is p99 <= 100 ms). Each request also
 * starts an answer in the background, as in real use.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startFakeSlack } from '../support/fake-slack.ts';
import { SIGNING_SECRET, TEAM_ID, appMention, directMessage, eventEnvelope, prepareSlackRequest, slashCommand } from '../support/slack-requests.ts';

const CONCURRENT = 100;
const ROUNDS = 5;
/** A pause between rounds, as between bursts: answers of one round are written before the next. */
const ROUND_PAUSE_MS = 3000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function benchSlack(print: (line: string) => void): Promise<void> {
  const fake = await startFakeSlack();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-bench-slack-'));
  const child = spawn(process.execPath, ['adapters/host/bin.mjs', 'serve'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      TA_FORUM_DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_ALLOWED_WORKSPACES: TEAM_ID,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    // The log is read to the end (a full pipe would stall the server's synchronous log writes).
    const url = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stderr });
      lines.on('line', (line) => {
        if (!line.startsWith('{')) return;
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'TA Forum Bot is running' && entry.url) resolve(entry.url);
      });
      child.once('exit', (code) => reject(new Error(`ta-forum serve exited (${code}) before it started`)));
    });
    const latencies: number[] = [];
    let refused = 0;
    // Round 0 warms up (connections, compiled code) and is not counted.
    for (let round = 0; round <= ROUNDS; round++) {
      const requests = Array.from({ length: CONCURRENT }, (_, i) => {
        const user = `U0B${round}${i}`;
        switch (i % 3) {
          case 0:
            return prepareSlackRequest(url, SIGNING_SECRET, 'event', eventEnvelope(appMention({ user, channel: 'C0BENCH', text: 'How is an evaluation planned?' })));
          case 1:
            return prepareSlackRequest(url, SIGNING_SECRET, 'event', eventEnvelope(directMessage({ user, channel: `D${user}`, text: 'help' })));
          default:
            return prepareSlackRequest(url, SIGNING_SECRET, 'command', slashCommand({ user, channel: 'C0BENCH', text: 'help', responseUrl: fake.responseUrl(user) }));
        }
      });
      for (const response of await Promise.all(requests.map((send) => send()))) {
        if (response.status !== 200) refused++;
        if (round > 0) latencies.push(response.ms);
      }
      await new Promise((resolve) => setTimeout(resolve, ROUND_PAUSE_MS));
    }
    latencies.sort((a, b) => a - b);
    print(
      `slack acknowledgement (${ROUNDS} × ${CONCURRENT} concurrent signed requests: mentions, direct messages, /forum; server in its own process): p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms (goal p99 <= 100 ms)${refused ? `; ${refused} not acknowledged with 200` : ''}`,
    );
    const answered = fake.calls.filter((c) => c.method === 'chat.update' || c.method === 'response_url' || c.method === 'chat.postMessage').length;
    print(`slack answers written in the background during the run: ${answered} Web API calls recorded`);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
