/**
 * Slack acknowledgement latency: `ta-forum serve` with the Slack adapter in its own process (its Web
 * API played by a local server here), 100 signed requests sent at once, several rounds; prints p50
 * and p99 of the HTTP answers (Slack's limit is 3 s; the goal is p99 <= 100 ms, and no more than
 * twice the do-nothing server's). Each request also starts an answer in the background, as in real
 * use. The same bursts go to a server that does nothing, each just before the bot's, so that both
 * meet the same load on a shared machine. With `TEST_DATABASE_URL`, again with the bot on PostgreSQL.
 * A request that gets no answer at all (a connection reset) is counted and printed, never fatal.
 */
import { startFakeSlack } from '../support/fake-slack.ts';
import { POSTGRES_SKIP_REASON } from '../support/stores.ts';
import { SIGNING_SECRET, appMention, directMessage, eventEnvelope, prepareSlackRequest, slashCommand, type SlackResponse } from '../support/slack-requests.ts';
import { EMPTY_SERVER, Unanswered, embeddedEngine, ratio, startServer, withPostgres, type BenchEngine, type ServerProcess } from './server-process.ts';

const CONCURRENT = 100;
const ROUNDS = 5;
/** A pause between rounds, as between bursts: answers of one round are written before the next. */
const ROUND_PAUSE_MS = 3000;
/** Between the do-nothing server's burst and the bot's. */
const BASELINE_PAUSE_MS = 200;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** One round's requests to a server: mentions, direct messages and slash commands, signed now. */
function burst(url: string, round: number, responseUrl: (id: string) => string): (() => Promise<SlackResponse>)[] {
  return Array.from({ length: CONCURRENT }, (_, i) => {
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
}

interface Figures {
  /** Sorted. */
  latencies: number[];
  refused: number;
  unanswered: Unanswered;
}

/** Sends a burst at once and adds its figures (`count`: false for the warm-up round). */
async function send(requests: (() => Promise<SlackResponse>)[], into: Figures, count: boolean): Promise<void> {
  for (const response of await Promise.all(requests.map((request) => into.unanswered.send(request)))) {
    if (!response) continue;
    if (response.status !== 200) into.refused++;
    if (count) into.latencies.push(response.ms);
  }
}

/**
 * ROUNDS bursts after a warm-up round, each to the do-nothing server and then to the bot, the
 * pause after the bot's (its answers are written meanwhile).
 */
async function bursts(baseline: string, bot: string, responseUrl: (id: string) => string): Promise<{ baseline: Figures; bot: Figures }> {
  const figures = { baseline: { latencies: [], refused: 0, unanswered: new Unanswered() }, bot: { latencies: [], refused: 0, unanswered: new Unanswered() } };
  for (let round = 0; round <= ROUNDS; round++) {
    await send(burst(baseline, round, () => 'http://127.0.0.1:9/unused'), figures.baseline, round > 0);
    await new Promise((resolve) => setTimeout(resolve, BASELINE_PAUSE_MS));
    await send(burst(bot, round, responseUrl), figures.bot, round > 0);
    await new Promise((resolve) => setTimeout(resolve, ROUND_PAUSE_MS));
  }
  for (const f of [figures.baseline, figures.bot]) f.latencies.sort((a, b) => a - b);
  return figures;
}

/** The bot on one engine (the embedded store in a fresh data directory, or PostgreSQL in a fresh database) beside the do-nothing server. */
async function slackServeRun(engine: BenchEngine, baseline: ServerProcess): Promise<{ baseline: Figures; bot: Figures; answered: number }> {
  const fake = await startFakeSlack();
  try {
    const server = await engine.serve(fake.apiUrl);
    const figures = await bursts(baseline.url, server.url, (id) => fake.responseUrl(id)).finally(() => server.stop());
    const answered = fake.calls.filter((c) => c.method === 'chat.update' || c.method === 'response_url' || c.method === 'chat.postMessage').length;
    return { ...figures, answered };
  } finally {
    await fake.close();
  }
}

const pFigures = (sorted: number[]): string => `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`;
/** The figures of the do-nothing server, with the requests it left without an answer. */
const baselineFigures = (f: Figures): string => `${pFigures(f.latencies)}${f.unanswered.toString()}`;

export async function benchSlack(print: (line: string) => void): Promise<void> {
  const empty = await startServer(['-e', EMPTY_SERVER], process.env);
  try {
    const lines = (run: { baseline: Figures; bot: Figures }): string =>
      `${pFigures(run.bot.latencies)}; p99 ${ratio(percentile(run.bot.latencies, 99), percentile(run.baseline.latencies, 99))}${run.bot.refused ? `; ${run.bot.refused} not acknowledged with 200` : ''}${run.bot.unanswered.toString()}`;
    const embedded = await slackServeRun(embeddedEngine(), empty);
    print(
      `slack acknowledgement (${ROUNDS} × ${CONCURRENT} concurrent signed requests: mentions, direct messages, /forum; server in its own process, embedded store): ${lines(embedded)}`,
    );
    print(`  the same bursts against an HTTP server that does nothing, each just before the bot's (the client's and the machine's share): ${baselineFigures(embedded.baseline)}`);
    print(`  answers written in the background meanwhile: ${embedded.answered} Web API calls recorded`);
    const postgres = await withPostgres((engine) => slackServeRun(engine, empty));
    print(
      postgres
        ? `  on PostgreSQL (the bot on a fresh database): ${lines(postgres)}; the do-nothing server beside it: ${baselineFigures(postgres.baseline)}; ${postgres.answered} Web API calls recorded`
        : `  on PostgreSQL: skipped (${POSTGRES_SKIP_REASON})`,
    );
  } finally {
    await empty.stop();
  }
}
