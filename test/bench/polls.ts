/**
 * Poll benchmarks (`npm run bench`), printed next to their goals, asserting nothing:
 * - votes through the real dispatcher on the embedded store (PGlite): de-duplication, access,
 *   routing, the vote's transaction and the coalesced refresh (to a recording messenger); the
 *   latency of one vote alone, and votes per second with 50 at a time (goal >= 200 votes/s);
 * - click acknowledgements over Slack HTTP: `ta-forum serve` in its own process (its Web API played
 *   by the local fake Slack here), signed `block_actions` on a poll's buttons from 500 people,
 *   first in bursts of 100 at once (as the Slack acknowledgement benchmark does), then 2,000 clicks
 *   kept 100 in flight; p50 and p99 of the HTTP answers (goal p99 <= 100 ms, and no more than
 *   twice the do-nothing server's), the same clicks against a server that does nothing, each burst
 *   and run just before the bot's (the client's and the machine's share, under the same load), and
 *   how soon the poll message showed every vote (the server writes votes after acknowledging them);
 *   with `TEST_DATABASE_URL`, again with the bot on PostgreSQL. A click that gets no answer at all
 *   (a connection reset) is counted and printed, never fatal.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ACTIONS } from '../../src/core/actions.ts';
import type { Conversation, InboundEvent } from '../../src/core/events.ts';
import { loadConfig } from '../../src/config.ts';
import { resultLines } from '../../src/features/polls/poll-card.ts';
import { messages } from '../../src/i18n/index.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp } from '../../src/main.ts';
import { openStore } from '../../src/store/index.ts';
import { findPoll, tallyPoll } from '../../src/store/polls.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { POSTGRES_SKIP_REASON } from '../support/stores.ts';
import { RecordingAdapter } from '../support/recording-adapter.ts';
import { RecordingMessenger } from '../support/recording-messenger.ts';
import { SIGNING_SECRET, TEAM_ID, blockAction, directMessage, eventEnvelope, prepareSlackRequest, sendToSlack, type SlackResponse } from '../support/slack-requests.ts';
import { EMPTY_SERVER, Unanswered, embeddedEngine, ratio, startServer, withPostgres, type BenchEngine, type ServerProcess } from './server-process.ts';

const PEOPLE = 500;
const OPTIONS = ['Webinar', 'Workshop', 'Peer visit', 'Reading group'];
/** Through the dispatcher: votes one at a time, then many at once. */
const SEQUENTIAL_VOTES = 500;
const CONCURRENT_VOTES = 2000;
const DISPATCH_CONCURRENCY = 50;
/** Over Slack HTTP: bursts as in the Slack acknowledgement benchmark, then a sustained run. */
const BURST = 100;
const BURST_ROUNDS = 5;
const BURST_PAUSE_MS = 2000;
/** Between the do-nothing server's burst (or run) and the bot's. */
const BASELINE_PAUSE_MS = 200;
const SUSTAINED_CLICKS = 2000;
const IN_FLIGHT = 100;
/** How long to wait for the poll message to show every vote. */
const SHOWN_TIMEOUT_MS = 60_000;
const GOAL_VOTES_PER_S = 200;
const GOAL_P99_MS = 100;

const SLACK_CHANNEL = 'C0BENCH';
const MODERATOR = 'U0MOD';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Who clicks: click n is person n mod PEOPLE, so a person's clicks are PEOPLE clicks apart. */
function personOf(click: number): string {
  return `U0V${String(click % PEOPLE).padStart(4, '0')}`;
}

/** The same options every run (a small seeded generator). */
function optionOf(click: number): number {
  let t = Math.imul(click ^ 0x9e3779b9, 0x85ebca6b);
  t ^= t >>> 13;
  t = Math.imul(t, 0xc2b2ae35);
  return ((t ^ (t >>> 16)) >>> 0) % OPTIONS.length;
}

// ---------------------------------------------------------------------------------------------
// Through the dispatcher, embedded store
// ---------------------------------------------------------------------------------------------

async function benchDispatchedVotes(print: (line: string) => void): Promise<void> {
  const store = await openStore({ engine: 'pglite', dataDir: undefined });
  const app = await createApp(loadConfig({ SLACK_ALLOWED_WORKSPACES: TEAM_ID }), silentLogger(), { store });
  const messenger = new RecordingMessenger();
  app.services.messenger = messenger;
  const channel: Conversation = { platform: 'slack', workspaceId: TEAM_ID, channelId: SLACK_CHANNEL, kind: 'channel' };
  const event = (userId: string, partial: Pick<InboundEvent, 'type'> & Record<string, unknown>): InboundEvent =>
    ({ id: randomUUID(), platform: 'slack', actor: { platform: 'slack', workspaceId: TEAM_ID, userId }, conversation: channel, receivedAt: new Date(), ...partial }) as InboundEvent;
  const sink = new RecordingAdapter();
  try {
    await app.dispatcher.handle(event(MODERATOR, { type: 'message', text: `poll "Which format next?" ${OPTIONS.map((o) => `"${o}"`).join(' ')}` }), sink);
    const button = messenger.posts[0]?.card.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []))[0];
    const pollId = button?.value?.split(':')[0] ?? '';
    const vote = (click: number): Promise<unknown> =>
      app.dispatcher.handle(event(personOf(click), { type: 'action', actionId: ACTIONS.pollVote, value: `${pollId}:${optionOf(click)}` }), sink);

    const latencies: number[] = [];
    for (let click = 0; click < SEQUENTIAL_VOTES; click++) {
      const started = performance.now();
      await vote(click);
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);

    let next = SEQUENTIAL_VOTES;
    const end = SEQUENTIAL_VOTES + CONCURRENT_VOTES;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: DISPATCH_CONCURRENCY }, async () => {
        while (next < end) await vote(next++);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const poll = await findPoll(store.db, pollId);
    const tally = poll ? await tallyPoll(store.db, poll) : { counts: [], voters: 0 };
    const perSecond = CONCURRENT_VOTES / seconds;
    print(
      `poll votes through the dispatcher (embedded store; de-duplication, access, the vote's transaction, coalesced refresh): one at a time p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms; ${CONCURRENT_VOTES} votes from ${PEOPLE} people, ${DISPATCH_CONCURRENCY} at a time: ${perSecond.toFixed(0)} votes/s (goal >= ${GOAL_VOTES_PER_S} votes/s${perSecond >= GOAL_VOTES_PER_S ? '' : ': NOT MET'}); ${tally.voters} voters, ${messenger.updates.length} redraws`,
    );
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Over Slack HTTP, the server in its own process
// ---------------------------------------------------------------------------------------------


/** The poll's message in Slack as the server posted it: its ts and each option's button. */
interface SlackPoll {
  pollId: string;
  ts: string;
  buttons: { actionId: string; value: string }[];
}

type Send = () => Promise<SlackResponse>;

/** Click `click` (person `click % PEOPLE`), signed now and sent when called. */
function clickRequest(url: string, poll: SlackPoll, click: number): Send {
  const button = poll.buttons[optionOf(click)] ?? { actionId: '', value: '' };
  const user = personOf(click);
  return prepareSlackRequest(url, SIGNING_SECRET, 'interaction', blockAction({ user, channel: SLACK_CHANNEL, messageTs: poll.ts, actionId: button.actionId, value: button.value }));
}

interface ClickFigures {
  bursts: number[];
  sustained: number[];
  refused: number;
  unanswered: Unanswered;
  /** When the sustained run started and ended (performance.now()), and its start by the wall clock (the fake's `at`). */
  sustainedFrom: number;
  sustainedTo: number;
  sustainedFromEpoch: number;
}

/** A server clicked on: its poll, the number of its next click, and its figures. */
interface Target {
  url: string;
  poll: SlackPoll;
  next: number;
  figures: ClickFigures;
}

function target(url: string, poll: SlackPoll): Target {
  return { url, poll, next: 0, figures: { bursts: [], sustained: [], refused: 0, unanswered: new Unanswered(), sustainedFrom: 0, sustainedTo: 0, sustainedFromEpoch: 0 } };
}

async function clickBurst(t: Target, count: boolean): Promise<void> {
  const requests = Array.from({ length: BURST }, () => clickRequest(t.url, t.poll, t.next++));
  for (const response of await Promise.all(requests.map((send) => t.figures.unanswered.send(send)))) {
    if (!response) continue;
    if (response.status !== 200) t.figures.refused++;
    if (count) t.figures.bursts.push(response.ms);
  }
}

async function sustainedClicks(t: Target): Promise<void> {
  const requests = Array.from({ length: SUSTAINED_CLICKS }, () => clickRequest(t.url, t.poll, t.next++));
  let next = 0;
  t.figures.sustainedFrom = performance.now();
  t.figures.sustainedFromEpoch = Date.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < requests.length) {
        const response = await t.figures.unanswered.send(requests[next++] as Send);
        if (!response) continue;
        if (response.status !== 200) t.figures.refused++;
        t.figures.sustained.push(response.ms);
      }
    }),
  );
  t.figures.sustainedTo = performance.now();
}

/**
 * A warm-up burst, BURST_ROUNDS measured bursts, then the sustained run, each first against the
 * do-nothing server and then against the bot, so that both meet the same load on a shared machine.
 */
async function clicks(baseline: Target, bot: Target): Promise<void> {
  for (let round = 0; round <= BURST_ROUNDS; round++) {
    await clickBurst(baseline, round > 0);
    await new Promise((resolve) => setTimeout(resolve, BASELINE_PAUSE_MS));
    await clickBurst(bot, round > 0);
    await new Promise((resolve) => setTimeout(resolve, BURST_PAUSE_MS));
  }
  await sustainedClicks(baseline);
  await new Promise((resolve) => setTimeout(resolve, BASELINE_PAUSE_MS));
  await sustainedClicks(bot);
  for (const { figures } of [baseline, bot]) {
    figures.bursts.sort((a, b) => a - b);
    figures.sustained.sort((a, b) => a - b);
  }
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

/** The moderator creates the poll in the Slack channel; a first click tells its message's ts (from the redraw). */
async function createSlackPoll(url: string, fake: FakeSlack): Promise<SlackPoll> {
  await sendToSlack(url, SIGNING_SECRET, 'event', eventEnvelope(directMessage({ user: MODERATOR, channel: `D${MODERATOR}`, text: `poll "Which format next?" ${OPTIONS.map((o) => `"${o}"`).join(' ')} --discussion` })));
  const post = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === SLACK_CHANNEL, 30_000);
  const elements = (post.body.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
  const buttons = elements.map((e) => ({ actionId: e.action_id ?? '', value: e.value ?? '' }));
  const pollId = buttons[0]?.value.split(':')[0] ?? '';
  // The moderator's own vote; the redraw that follows names the message.
  const first = blockAction({ user: MODERATOR, channel: SLACK_CHANNEL, messageTs: '', actionId: buttons[0]?.actionId ?? '', value: buttons[0]?.value ?? '' });
  await sendToSlack(url, SIGNING_SECRET, 'interaction', first);
  const redraw = await fake.waitFor((c) => c.method === 'chat.update' && c.body.channel === SLACK_CHANNEL, 30_000);
  return { pollId, ts: String(redraw.body.ts), buttons };
}

/** What the poll message must show once every click is written: each person's last click, the moderator's first. */
function finalLines(lastClick: number): string[] {
  const chosen = new Map<string, number>([[MODERATOR, 0]]);
  for (let click = 0; click < lastClick; click++) chosen.set(personOf(click), optionOf(click));
  const counts = OPTIONS.map(() => 0);
  for (const option of chosen.values()) counts[option] = (counts[option] ?? 0) + 1;
  const tally = { counts, voters: chosen.size };
  return [...resultLines({ options: OPTIONS }, tally, 'en'), messages('en').polls.voters({ count: tally.voters })];
}

interface ClickRun {
  /** The do-nothing server's figures, its clicks each just before the bot's. */
  baseline: ClickFigures;
  figures: ClickFigures;
  /** Seconds from the sustained run's first click until the poll message showed every vote; undefined when it did not in time. */
  shownAfter: number | undefined;
  redraws: number;
}

/** The poll the do-nothing server is clicked on (it answers every request alike). */
const IDLE_POLL: SlackPoll = { pollId: '1', ts: '1763700000.000100', buttons: OPTIONS.map((_, i) => ({ actionId: `${ACTIONS.pollVote}#${i}`, value: `1:${i}` })) };

/** The moderator's poll, then the clicks, against `ta-forum serve` on one engine beside the do-nothing server. */
async function slackClicksRun(engine: BenchEngine, empty: ServerProcess): Promise<ClickRun> {
  const fake = await startFakeSlack();
  try {
    const server = await engine.serve(fake.apiUrl, { MODERATORS: `slack:${MODERATOR}`, DISCUSSION_CHANNELS: `slack:${SLACK_CHANNEL}` });
    try {
      const poll = await createSlackPoll(server.url, fake);
      const baseline = target(empty.url, IDLE_POLL);
      const bot = target(server.url, poll);
      await clicks(baseline, bot);
      const expected = finalLines(bot.next);
      const shown = await fake
        .waitFor((c) => c.method === 'chat.update' && c.body.ts === poll.ts && expected.every((line) => texts(c.body.blocks).join('\n').includes(line)), SHOWN_TIMEOUT_MS)
        .then((c) => c.at)
        .catch(() => undefined);
      const shownAfter = shown === undefined ? undefined : (shown - bot.figures.sustainedFromEpoch) / 1000;
      return { baseline: baseline.figures, figures: bot.figures, shownAfter, redraws: fake.callsTo('chat.update').length };
    } finally {
      await server.stop();
    }
  } finally {
    await fake.close();
  }
}

const pFigures = (sorted: number[]): string => `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`;

/** The p99 against the absolute goal and against twice the do-nothing server's. */
function goals(sorted: number[], baseline: number[]): string {
  const p99 = percentile(sorted, 99);
  return `(p99 <= ${GOAL_P99_MS} ms: ${p99 <= GOAL_P99_MS ? 'met' : 'NOT MET'}; ${ratio(p99, percentile(baseline, 99))})`;
}

function runLine({ figures, baseline }: ClickRun): string {
  return `${BURST_ROUNDS} × ${BURST} at once: ${pFigures(figures.bursts)} ${goals(figures.bursts, baseline.bursts)}; ${SUSTAINED_CLICKS} kept ${IN_FLIGHT} in flight: ${pFigures(figures.sustained)} ${goals(figures.sustained, baseline.sustained)}${figures.refused ? `; ${figures.refused} not acknowledged with 200` : ''}${figures.unanswered.toString()}`;
}

const baselineLine = ({ baseline }: ClickRun): string => `bursts ${pFigures(baseline.bursts)}; sustained ${pFigures(baseline.sustained)}${baseline.unanswered.toString()}`;

function sustainedLine(run: ClickRun): string {
  const acknowledged = (run.figures.sustainedTo - run.figures.sustainedFrom) / 1000;
  return `sustained run: ${SUSTAINED_CLICKS} clicks acknowledged in ${acknowledged.toFixed(1)} s (${(SUSTAINED_CLICKS / acknowledged).toFixed(0)} clicks/s); ${
    run.shownAfter === undefined
      ? `the poll message did not show every vote within ${SHOWN_TIMEOUT_MS / 1000} s`
      : `every vote shown in the poll message ${run.shownAfter.toFixed(1)} s after the first click (>= ${(SUSTAINED_CLICKS / run.shownAfter).toFixed(0)} votes/s written by the server, redraws every 2 s)`
  }; ${run.redraws} redraws`;
}

export async function benchSlackClicks(print: (line: string) => void): Promise<void> {
  const empty = await startServer(['-e', EMPTY_SERVER], process.env);
  try {
    const embedded = await slackClicksRun(embeddedEngine(), empty);
    print(`poll clicks over Slack HTTP (signed block_actions from ${PEOPLE} people; server in its own process, embedded store): ${runLine(embedded)}`);
    print(`  the same clicks against an HTTP server that does nothing, each burst and run just before the bot's (the client's and the machine's share): ${baselineLine(embedded)}`);
    print(`  ${sustainedLine(embedded)}`);
    const postgres = await withPostgres((engine) => slackClicksRun(engine, empty));
    if (!postgres) print(`  on PostgreSQL: skipped (${POSTGRES_SKIP_REASON})`);
    else {
      print(`  on PostgreSQL (the bot on a fresh database): ${runLine(postgres)}`);
      print(`    the do-nothing server beside it: ${baselineLine(postgres)}; ${sustainedLine(postgres)}`);
    }
  } finally {
    await empty.stop();
  }
}

export async function benchPolls(print: (line: string) => void): Promise<void> {
  await benchDispatchedVotes(print);
  await benchSlackClicks(print);
}
