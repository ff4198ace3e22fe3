/**
 * Benchmarks: prints figures, asserts nothing. `npm run bench`.
 * - dispatch: events through the real dispatcher on the embedded store (de-duplication, access,
 *   language, routing), sequential latency and concurrent throughput;
 * - cli: how fast `ta-forum --help` answers (goal: under a second);
 * - slack: how fast the Slack adapter acknowledges 100 concurrent signed requests (slack.ts).
 * - polls: votes per second through the dispatcher, and poll clicks acknowledged over Slack HTTP (polls.ts).
 * - bombs: `/healthz` answer times while decompression bombs are uploaded and refused (bombs.ts).
 * The compiled build is made first (`npm run build`), as `npm install` does: the figures are those
 * of the command users run. `--only slack,polls` runs some parts only; with `TEST_DATABASE_URL` the
 * Slack parts also run the server on PostgreSQL.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Adapter, MessageRef } from '../../src/core/adapter.ts';
import type { InboundEvent } from '../../src/core/events.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp } from '../../src/main.ts';
import { openStore } from '../../src/store/index.ts';
import { benchBombs } from './bombs.ts';
import { benchKnowledge } from './retrieval.ts';
import { benchPolls } from './polls.ts';
import { benchSlack } from './slack.ts';

const SEQUENTIAL_EVENTS = 1000;
const CONCURRENT_EVENTS = 2000;
const CONCURRENCY = 50;
const CLI_RUNS = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

const sink: Adapter = {
  platform: 'web',
  reply: (event): Promise<MessageRef> =>
    Promise.resolve({ platform: 'web', conversation: event.conversation, messageId: randomUUID() }),
};

function helpEvent(user: number): InboundEvent {
  return {
    type: 'message',
    id: randomUUID(),
    platform: 'web',
    actor: { platform: 'web', workspaceId: 'web', userId: `bench-${user}` },
    conversation: { platform: 'web', workspaceId: 'web', channelId: `direct:bench-${user}`, kind: 'direct' },
    receivedAt: new Date(),
    text: 'help',
  };
}

async function benchDispatch(): Promise<void> {
  const store = await openStore({ engine: 'pglite', dataDir: undefined });
  const app = await createApp(loadConfig({}), silentLogger(), { store });
  const latencies: number[] = [];
  for (let i = 0; i < SEQUENTIAL_EVENTS; i++) {
    const started = performance.now();
    await app.dispatcher.handle(helpEvent(i % 100), sink);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  print(
    `dispatch sequential (${SEQUENTIAL_EVENTS} "help" events, embedded store): p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`,
  );

  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CONCURRENT_EVENTS) {
        const n = next++;
        await app.dispatcher.handle(helpEvent(n % 500), sink);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  print(
    `dispatch concurrent (${CONCURRENT_EVENTS} events, ${CONCURRENCY} at a time): ${(CONCURRENT_EVENTS / seconds).toFixed(0)} events/s`,
  );
  await app.close();
}

function benchCli(): void {
  const times: number[] = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    const started = performance.now();
    execFileSync(process.execPath, ['adapters/host/bin.mjs', '--help'], { stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  print(`cli "ta-forum --help": median ${percentile(times, 50).toFixed(0)} ms over ${CLI_RUNS} runs (goal: < 1000 ms)`);
}

const PARTS = ['cli', 'dispatch', 'slack', 'polls', 'bombs', 'knowledge'] as const;
type Part = (typeof PARTS)[number];

/**
 * `npm run bench -- 10000` runs the knowledge-base part on that corpus size only; `--only slack,polls`
 * runs only the parts named (cli, dispatch, slack, polls, bombs, knowledge).
 */
function parseArguments(argv: string[]): { sizes: number[]; parts: ReadonlySet<Part> } {
  const only = argv.indexOf('--only');
  const named = only >= 0 ? (argv[only + 1] ?? '').split(',').filter((p) => p !== '') : [...PARTS];
  const unknown = named.filter((p) => !PARTS.includes(p as Part));
  if (unknown.length > 0 || named.length === 0) throw new Error(`--only takes some of ${PARTS.join(', ')} (got "${argv[only + 1] ?? ''}")`);
  const sizes = argv.filter((_, i) => i !== only + 1 || only < 0).map(Number).filter((n) => n > 0);
  return { sizes, parts: new Set(named as Part[]) };
}

const { sizes, parts } = parseArguments(process.argv.slice(2));
execFileSync(process.execPath, ['adapters/host/build.mjs'], { stdio: 'inherit' });
if (parts.has('cli')) benchCli();
if (parts.has('dispatch')) await benchDispatch();
if (parts.has('slack')) await benchSlack(print);
if (parts.has('polls')) await benchPolls(print);
if (parts.has('bombs')) await benchBombs(print);
if (parts.has('knowledge')) for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) await benchKnowledge(size, print);
