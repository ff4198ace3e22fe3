/**
 * Polls under load, over the real adapters' HTTP endpoints: 500 people cast 2,000 clicks on two
 * polls (one single choice, one multiple choice) posted to a Slack channel and a Teams channel at
 * once — signed `block_actions` to Bolt, `Action.Execute` invokes to the CloudAdapter, many people
 * at a time, about one request in ten delivered twice (together with the first delivery, or late,
 * after the person's next click). Every request is acknowledged with 200; the store ends with
 * exactly the expected votes (no vote lost, none counted twice: each person's last single-choice
 * click, the options of the multiple-choice poll clicked an odd number of times); each poll
 * message is redrawn at most once per coalescing interval, the last redraw with the final counts.
 *
 * Each person clicks in order: the next click once the previous one is taken. Teams answers an
 * invoke after the vote is written; Slack is acknowledged first and votes afterwards, so a Slack
 * person's next click waits until the store shows the previous one (as a person does not click
 * twice within the same few milliseconds). Different people click concurrently.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import { loadConfig } from '../../../src/config.ts';
import { pollLang, resultLines } from '../../../src/features/polls/poll-card.ts';
import { POLL_REFRESH_MIN_INTERVAL_MS } from '../../../src/features/polls/refresher.ts';
import { messages } from '../../../src/i18n/index.ts';
import { silentLogger } from '../../../src/log.ts';
import { activeConversations } from '../../../src/store/conversations.ts';
import { type Store } from '../../../src/store/index.ts';
import { findPoll, pollPosts, tallyPoll, type Poll, type Tally } from '../../../src/store/polls.ts';
import { useFakeBotConnector } from '../../support/fake-bot-connector.ts';
import { useFakeSlack } from '../../support/fake-slack.ts';
import { SIGNING_SECRET, TEAM_ID, blockAction, directMessage, eventEnvelope, prepareSlackRequest, sendToSlack } from '../../support/slack-requests.ts';
import { CHANNEL_ID, TENANT_ID, USER_ADA, actionExecuteInvoke, conversationUpdate, postActivity, type TeamsAccount } from '../../support/teams-activities.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const slack = useFakeSlack();
const connector = useFakeBotConnector();

const SLACK_CHANNEL = 'C0POLLS';
const MODERATOR = 'U0MOD';
const PEOPLE = 500;
/** The first half are in Slack, the rest in Teams. */
const SLACK_PEOPLE = 250;
const CLICKS = 2000;
/** People clicking at the same time (each one's clicks in order). */
const PEOPLE_AT_ONCE = 64;
/** About one request in ten is delivered twice: half together with the first delivery, half late. */
const TWICE_TOGETHER = 0.05;
const TWICE_LATE = 0.05;
/** How often the test looks in the store for a Slack click being taken, and how long it waits at most. */
const TAKEN_POLL_MS = 10;
const TAKEN_TIMEOUT_MS = 20_000;
/**
 * Scheduling slack allowed below the coalescing interval between two redraws of one message, as
 * the Slack and Bot Connector fakes record them (`Date.now()` when each request arrived): timers
 * and clocks count whole milliseconds.
 */
const REFRESH_SLACK_MS = 5;
const TEST_TIMEOUT_MS = 90_000;

type PollName = 'single' | 'multi';
interface Click {
  poll: PollName;
  option: number;
  twice: 'no' | 'together' | 'late';
}
interface Person {
  platform: 'slack' | 'teams';
  /** The Slack user id, or the Teams account. */
  slackUser?: string;
  teams?: TeamsAccount;
  /** The voter as the store keeps it (the polls are not anonymous). */
  voter: string;
  clicks: Click[];
}

/** A small seeded generator (mulberry32): the same plan every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const OPTIONS: Record<PollName, string[]> = { single: ['Webinar', 'Workshop', 'Peer visit'], multi: ['Monday', 'Tuesday', 'Wednesday', 'Thursday'] };

/** 500 people, 2,000 clicks: everyone clicks at least once, the rest spread at random. */
function plan(): Person[] {
  const next = random(20_261_123);
  const counts = Array.from({ length: PEOPLE }, () => 1);
  for (let i = PEOPLE; i < CLICKS; i++) counts[Math.floor(next() * PEOPLE)]! += 1;
  return counts.map((count, i) => {
    const n = String(i).padStart(4, '0');
    const clicks: Click[] = Array.from({ length: count }, () => {
      const poll: PollName = next() < 0.6 ? 'single' : 'multi';
      const r = next();
      return { poll, option: Math.floor(next() * OPTIONS[poll].length), twice: r < TWICE_TOGETHER ? 'together' : r < TWICE_TOGETHER + TWICE_LATE ? 'late' : 'no' };
    });
    if (i < SLACK_PEOPLE) return { platform: 'slack', slackUser: `U0LOAD${n}`, voter: `slack:U0LOAD${n}`, clicks };
    const aadObjectId = `0f0e0d0c-0b0a-4000-8000-00000000${n}`;
    return { platform: 'teams', teams: { id: `29:1LoadTester${n}`, name: `Load Tester ${n}`, aadObjectId }, voter: `teams:${aadObjectId}`, clicks };
  });
}

/** What the store must hold: each person's last single-choice click, and the multiple-choice options clicked an odd number of times. */
function expectedVotes(people: Person[]): { single: Map<string, number>; multi: Map<string, Set<number>> } {
  const single = new Map<string, number>();
  const multi = new Map<string, Set<number>>();
  for (const person of people) {
    for (const click of person.clicks) {
      if (click.poll === 'single') single.set(person.voter, click.option);
      else {
        const held = multi.get(person.voter) ?? new Set<number>();
        if (held.has(click.option)) held.delete(click.option);
        else held.add(click.option);
        multi.set(person.voter, held);
      }
    }
  }
  for (const [voter, held] of multi) if (held.size === 0) multi.delete(voter);
  return { single, multi };
}

function tallyOf(options: number, votes: Iterable<number[]>): Tally {
  const counts = Array.from({ length: options }, () => 0);
  let voters = 0;
  for (const chosen of votes) {
    voters++;
    for (const option of chosen) counts[option]! += 1;
  }
  return { counts, voters };
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

/** Every object in a JSON tree that matches. */
function objects(value: unknown, match: (o: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap((v) => objects(v, match));
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  return [...(match(o) ? [o] : []), ...Object.values(o).flatMap((v) => objects(v, match))];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the store shows Slack clicks taken. One query per table every TAKEN_POLL_MS for all
 * the people waiting, so the looking adds little to the load.
 */
class TakenWatch {
  private readonly waiting = new Set<{ voter: string; taken: (ballot: { option: number; at: number } | undefined, held: Set<number>) => boolean; done: () => void; since: number; fail: (e: Error) => void }>();
  private running = false;

  constructor(
    private readonly store: Store,
    private readonly pollIds: Record<PollName, string>,
  ) {}

  until(voter: string, taken: (ballot: { option: number; at: number } | undefined, held: Set<number>) => boolean): Promise<void> {
    return new Promise((done, fail) => {
      this.waiting.add({ voter, taken, done, fail, since: Date.now() });
      if (!this.running) void this.loop();
    });
  }

  private async loop(): Promise<void> {
    this.running = true;
    while (this.waiting.size > 0) {
      await sleep(TAKEN_POLL_MS);
      const voters = [...new Set([...this.waiting].map((w) => w.voter))];
      const [ballots, choices] = await Promise.all([
        this.store.db.selectFrom('poll_ballots').select(['voter', 'option', 'voted_at']).where('poll_id', '=', this.pollIds.single).where('voter', 'in', voters).execute(),
        this.store.db.selectFrom('poll_choices').select(['voter', 'option']).where('poll_id', '=', this.pollIds.multi).where('voter', 'in', voters).execute(),
      ]);
      const ballotOf = new Map(ballots.map((b) => [b.voter, { option: b.option, at: b.voted_at.getTime() }]));
      for (const waiter of [...this.waiting]) {
        const held = new Set(choices.filter((c) => c.voter === waiter.voter).map((c) => c.option));
        if (waiter.taken(ballotOf.get(waiter.voter), held)) {
          this.waiting.delete(waiter);
          waiter.done();
        } else if (Date.now() - waiter.since > TAKEN_TIMEOUT_MS) {
          this.waiting.delete(waiter);
          waiter.fail(new Error(`the click of ${waiter.voter} was not taken within ${TAKEN_TIMEOUT_MS} ms`));
        }
      }
    }
    this.running = false;
  }
}

describe('polls under load over Slack and Teams', () => {
  let store: Store;
  let host: Host;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-polls-load-'));
    store = await openTestStore();
    // The host gets the store without its close: the votes are read after the host has stopped
    // (which waits for the Slack work still queued, redeliveries included).
    const lent: Store = { engine: store.engine, db: store.db, intake: store.intake, gate: store.gate, close: () => Promise.resolve() };
    const env = {
      HOST: '127.0.0.1',
      TA_FORUM_DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack().apiUrl,
      SLACK_ALLOWED_WORKSPACES: TEAM_ID,
      TEAMS_ALLOWED_TENANTS: TENANT_ID,
      MODERATORS: `slack:${MODERATOR}`,
      // The Teams channel the bot is installed in below (the team's install names it).
      DISCUSSION_CHANNELS: `slack:${SLACK_CHANNEL},teams:${CHANNEL_ID}`,
    };
    host = await startHost(loadConfig(env, { port: 0 }), silentLogger(), { store: lent, ingestKnowledge: false });
    await host.scheduler.stop();
    await postActivity(host.url, conversationUpdate({ scope: 'team', botAdded: true, serviceUrl: connector().serviceUrl, from: USER_ADA }));
  });

  afterAll(async () => {
    await host.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The moderator creates a poll in every discussion channel; its id and the two messages showing it. */
  async function createPoll(command: string): Promise<{ poll: Poll; slackTs: string; teamsId: string; slackActions: Map<number, string>; teamsActions: Map<number, { verb: string; data: Record<string, unknown> }> }> {
    const before = { slack: slack().calls.length, teams: connector().calls.length };
    await sendToSlack(host.url, SIGNING_SECRET, 'event', eventEnvelope(directMessage({ user: MODERATOR, channel: `D${MODERATOR}`, text: command })));
    const slackPost = await slack().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === SLACK_CHANNEL && slack().calls.indexOf(c) >= before.slack);
    const teamsPost = await connector().waitFor((c) => c.method === 'send' && c.conversationId === CHANNEL_ID && connector().calls.indexOf(c) >= before.teams);
    // The creator is told once both are posted (and recorded).
    await slack().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === `D${MODERATOR}` && slack().calls.indexOf(c) >= before.slack);
    const buttons = objects(slackPost.body.blocks, (o) => o.type === 'button');
    const valueOf = (button: Record<string, unknown> | undefined): string => (typeof button?.value === 'string' ? button.value : '');
    const pollId = valueOf(buttons[0]).split(':')[0] ?? '';
    const poll = await findPoll(store.db, pollId);
    if (!poll) throw new Error(`no poll ${pollId}`);
    const posts = await pollPosts(store.db, poll.id);
    const slackActions = new Map(buttons.map((b) => [Number(valueOf(b).split(':')[1]), String(b.action_id)]));
    const executes = objects(teamsPost.body, (o) => o.type === 'Action.Execute');
    const teamsActions = new Map(
      executes.map((a) => {
        const data = a.data as Record<string, unknown>;
        return [Number(String(data.value).split(':')[1]), { verb: String(a.verb), data }];
      }),
    );
    return {
      poll,
      slackTs: posts.find((p) => p.platform === 'slack')?.message_id ?? '',
      teamsId: posts.find((p) => p.platform === 'teams')?.message_id ?? '',
      slackActions,
      teamsActions,
    };
  }

  it(
    'counts 2,000 concurrent clicks of 500 people exactly, redeliveries once, and redraws each message at most once per interval',
    async () => {
      const installed = await activeConversations(store.db, 'teams');
      expect(installed.map((c) => c.conversation_id)).toEqual([CHANNEL_ID]);
      const polls = {
        single: await createPoll(`poll "Which format next?" ${OPTIONS.single.map((o) => `"${o}"`).join(' ')} --discussion`),
        multi: await createPoll(`poll "Which days suit you?" ${OPTIONS.multi.map((o) => `"${o}"`).join(' ')} --multi --discussion`),
      };
      for (const name of ['single', 'multi'] as const) {
        expect(polls[name].slackTs).not.toBe('');
        expect(polls[name].teamsId).not.toBe('');
        expect([...polls[name].slackActions.keys()].sort()).toEqual(OPTIONS[name].map((_, i) => i));
        expect([...polls[name].teamsActions.keys()].sort()).toEqual(OPTIONS[name].map((_, i) => i));
      }
      const people = plan();
      expect(people.reduce((sum, p) => sum + p.clicks.length, 0)).toBe(CLICKS);
      const watch = new TakenWatch(store, { single: polls.single.poll.id, multi: polls.multi.poll.id });
      slack().reset();
      connector().reset();

      const statuses: number[] = [];
      let twice = 0;
      /** One click's request, built once: sending it again is a redelivery (same trigger_id, same activity id). */
      function request(person: Person, click: Click): () => Promise<{ status: number }> {
        const target = polls[click.poll];
        const value = `${target.poll.id}:${click.option}`;
        if (person.platform === 'slack') {
          const payload = blockAction({ user: person.slackUser ?? '', channel: SLACK_CHANNEL, messageTs: target.slackTs, actionId: target.slackActions.get(click.option) ?? '', value });
          return prepareSlackRequest(host.url, SIGNING_SECRET, 'interaction', payload);
        }
        const action = target.teamsActions.get(click.option);
        const activity = actionExecuteInvoke({
          serviceUrl: connector().serviceUrl,
          from: person.teams ?? USER_ADA,
          scope: 'channel',
          channelId: CHANNEL_ID,
          replyToId: target.teamsId,
          verb: action?.verb ?? '',
          data: action?.data ?? {},
          title: OPTIONS[click.poll][click.option],
        });
        return () => postActivity(host.url, activity);
      }
      const send = async (deliver: () => Promise<{ status: number }>): Promise<void> => {
        statuses.push((await deliver()).status);
      };

      async function clickAll(person: Person): Promise<void> {
        let late: (() => Promise<{ status: number }>) | undefined;
        let lastBallotAt = 0;
        const held = new Set<number>();
        for (const click of person.clicks) {
          // A Slack vote is told apart from the previous one by its time: the next click is sent a millisecond later at least.
          while (Date.now() <= lastBallotAt) await sleep(1);
          const sentAt = Date.now();
          const deliver = request(person, click);
          if (click.twice === 'together') {
            twice++;
            await Promise.all([send(deliver), send(deliver)]);
          } else await send(deliver);
          if (click.poll === 'multi') {
            if (held.has(click.option)) held.delete(click.option);
            else held.add(click.option);
          }
          if (person.platform === 'slack') {
            await watch.until(person.voter, (ballot, choices) => {
              if (click.poll === 'multi') return choices.has(click.option) === held.has(click.option);
              if (ballot?.option !== click.option || ballot.at < sentAt) return false;
              lastBallotAt = ballot.at;
              return true;
            });
          }
          // A late redelivery of the previous click, after this one was taken.
          if (late) await send(late);
          twice += late ? 1 : 0;
          late = click.twice === 'late' ? deliver : undefined;
        }
        if (late) {
          twice++;
          await send(late);
        }
      }

      const started = Date.now();
      let nextPerson = 0;
      await Promise.all(
        Array.from({ length: PEOPLE_AT_ONCE }, async () => {
          while (nextPerson < people.length) await clickAll(people[nextPerson++] as Person);
        }),
      );
      const sending = Date.now() - started;

      // Every request acknowledged with 200, redeliveries included.
      expect(statuses).toHaveLength(CLICKS + twice);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expect(twice).toBeGreaterThan(CLICKS * 0.07);

      // The last redraws, then the host stops: Slack's queued work (late redeliveries) is done first.
      await host.app.services.polls.idle();
      await host.close();

      const expected = expectedVotes(people);
      const ballots = await store.db.selectFrom('poll_ballots').select(['voter', 'option']).where('poll_id', '=', polls.single.poll.id).execute();
      expect(new Map(ballots.map((b) => [b.voter, b.option]))).toEqual(expected.single);
      expect(ballots).toHaveLength(expected.single.size);
      const choices = await store.db.selectFrom('poll_choices').select(['voter', 'option']).where('poll_id', '=', polls.multi.poll.id).execute();
      const heldNow = new Map<string, Set<number>>();
      for (const c of choices) heldNow.set(c.voter, (heldNow.get(c.voter) ?? new Set<number>()).add(c.option));
      expect(heldNow).toEqual(expected.multi);

      const tallies = {
        single: tallyOf(OPTIONS.single.length, [...expected.single.values()].map((o) => [o])),
        multi: tallyOf(OPTIONS.multi.length, [...expected.multi.values()].map((held) => [...held])),
      };
      expect(await tallyPoll(store.db, polls.single.poll)).toEqual(tallies.single);
      expect(await tallyPoll(store.db, polls.multi.poll)).toEqual(tallies.multi);
      // Everyone who clicked the single-choice poll is one voter; on the other, those who kept an option.
      expect(tallies.single.voters).toBe(people.filter((p) => p.clicks.some((c) => c.poll === 'single')).length);

      // The clicks were answered with nothing but redraws: no message, no private notice.
      expect(slack().calls.filter((c) => c.method !== 'chat.update' && c.method !== 'users.info')).toEqual([]);
      expect(connector().calls.filter((c) => c.method !== 'update')).toEqual([]);

      /** Redraws of one message that came sooner than the interval after the previous one. */
      const tooSoon: { message: string; gapMs: number }[] = [];
      for (const name of ['single', 'multi'] as const) {
        const { poll, slackTs, teamsId } = polls[name];
        const lang = pollLang(poll);
        const shown = [...resultLines(poll, tallies[name], lang), messages(lang).polls.voters({ count: tallies[name].voters })];
        const slackUpdates = slack().callsTo('chat.update').filter((c) => c.body.channel === SLACK_CHANNEL && c.body.ts === slackTs);
        const teamsUpdates = connector().callsTo('update').filter((c) => c.activityId === teamsId);
        for (const [platform, updates] of [['slack', slackUpdates], ['teams', teamsUpdates]] as const) {
          expect(updates.length).toBeGreaterThan(0);
          // Coalesced: never more often than once per interval, however many votes came.
          expect(updates.length).toBeLessThanOrEqual(Math.ceil(sending / POLL_REFRESH_MIN_INTERVAL_MS) + 2);
          for (let i = 1; i < updates.length; i++) {
            const gapMs = (updates[i]?.at ?? 0) - (updates[i - 1]?.at ?? 0);
            if (gapMs < POLL_REFRESH_MIN_INTERVAL_MS - REFRESH_SLACK_MS) tooSoon.push({ message: `${platform} ${name} poll, redraw ${i + 1} of ${updates.length}`, gapMs });
          }
        }
        // The last redraw of each message shows the final counts (Teams' markdown escapes removed).
        const lastSlack = texts(slackUpdates.at(-1)?.body.blocks).join('\n');
        const lastTeams = texts((teamsUpdates.at(-1)?.body as { attachments?: unknown } | undefined)?.attachments).join('\n').replaceAll('\\', '');
        for (const line of shown) {
          expect(lastSlack).toContain(line);
          expect(lastTeams).toContain(line);
        }
      }
      expect(tooSoon).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
