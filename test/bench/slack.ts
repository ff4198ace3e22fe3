/**
 * Slack acknowledgement latency: `ta-forum serve` with the Slack adapter in its own process (its Web
 * API played by a local server here), 100 signed requests sent at once, several rounds; prints p50
 * and p99 of the HTTP answers (Slack's limit is 3 s; the goal is p99 <= 100 ms). Each request also
 * starts an answer in the background, as in real use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeSlack } from '../support/fake-slack.ts';
import { SIGNING_SECRET, appMention, directMessage, eventEnvelope, prepareSlackRequest, slashCommand } from '../support/slack-requests.ts';
import { EMPTY_SERVER, startServer, startSlackServe } from './server-process.ts';

const CONCURRENT = 100;
const ROUNDS = 5;
/** A pause between rounds, as between bursts: answers of one round are written before the next. */
const ROUND_PAUSE_MS = 3000;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}


/** Bursts of CONCURRENT requests, ROUNDS counted after one warm-up round; sorted latencies and refusals. */
async function bursts(url: string, responseUrl: (id: string) => string): Promise<{ latencies: number[]; refused: number }> {
  const latencies: number[] = [];
  let refused = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    const requests = Array.from({ length: CONCURRENT }, (_, i) => {
      const user = `U0B${round}${i}`;
      switch (i % 3) {
        case 0:
          return prepareSlackRequest(url, SIGNING_SECRET, 'event', eventEnvelope(appMention({ user, channel: 'C0BENCH', text: 'How is an evaluation planned?' })));
        case 1:
          return prepareSlackRequest(url, SIGNING_SECRET, 'event', eventEnvelope(directMessage({ user, channel: `D${user}`, text: 'help' })));
        default:
          return prepareSlackRequest(url, SIGNING_SECRET, 'command', slashCommand({ user, channel: 'C0BENCH', text: 'help', responseUrl: responseUrl(user) }));
      }
    });
    for (const response of await Promise.all(requests.map((send) => send()))) {
      if (response.status !== 200) refused++;
      if (round > 0) latencies.push(response.ms);
    }
    await new Promise((resolve) => setTimeout(resolve, ROUND_PAUSE_MS));
  }
  return { latencies: latencies.sort((a, b) => a - b), refused };
}

export async function benchSlack(print: (line: string) => void): Promise<void> {
  const empty = await startServer(['-e', EMPTY_SERVER], process.env);
  const baseline = await bursts(empty.url, () => 'http://127.0.0.1:9/unused').finally(() => empty.stop());
  const fake = await startFakeSlack();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-bench-slack-'));
  try {
    const server = await startSlackServe(dataDir, fake.apiUrl);
    const { latencies, refused } = await bursts(server.url, (id) => fake.responseUrl(id)).finally(() => server.stop());
    print(
      `slack acknowledgement (${ROUNDS} × ${CONCURRENT} concurrent signed requests: mentions, direct messages, /forum; server in its own process): p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms (goal p99 <= 100 ms)${refused ? `; ${refused} not acknowledged with 200` : ''}`,
    );
    print(
      `  the same bursts against an HTTP server that does nothing (the client's and the machine's share): p50 ${percentile(baseline.latencies, 50).toFixed(1)} ms, p99 ${percentile(baseline.latencies, 99).toFixed(1)} ms`,
    );
    const answered = fake.calls.filter((c) => c.method === 'chat.update' || c.method === 'response_url' || c.method === 'chat.postMessage').length;
    print(`  answers written in the background meanwhile: ${answered} Web API calls recorded`);
  } finally {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
