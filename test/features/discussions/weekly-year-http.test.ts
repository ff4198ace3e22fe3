/**
 * A year of weekly topics over the real host, on an injected clock: 52 Mondays at 09:00 in Zurich
 * (both daylight-saving changes included), every one posted once to a Slack channel and a Teams
 * channel, none twice, none missing, with a restart of every instance on 1 July; on PostgreSQL two
 * hosts share the database and look at the clock at the same moments. What went out is read from the
 * local Slack Web API and Bot Connector servers: the topics in queue order, each previous topic's
 * summary in its own thread just before the next post, every post at the first look after its slot,
 * and nothing to the moderators.
 */
import { expect, it } from 'vitest';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/log.ts';
import { slotsBetween } from '../../../src/scheduler/weekly-slot.ts';
import type { TickReport } from '../../../src/scheduler/weekly-scheduler.ts';
import { activeConversations } from '../../../src/store/conversations.ts';
import type { Store } from '../../../src/store/index.ts';
import { createTopic, getSchedule, jobsOf, topicPosts } from '../../../src/store/topics.ts';
import { useFakeBotConnector, type ConnectorCall } from '../../support/fake-bot-connector.ts';
import { useFakeSlack, type SlackCall } from '../../support/fake-slack.ts';
import { SIGNING_SECRET, TEAM_ID, directMessage, eventEnvelope, sendToSlack } from '../../support/slack-requests.ts';
import { describeEngine, makeTempDir, storeEngines, type PersistentTarget } from '../../support/stores.ts';
import { TENANT_ID, USER_ADA, conversationUpdate, postActivity } from '../../support/teams-activities.ts';

const slack = useFakeSlack();
const connector = useFakeBotConnector();

const ZONE = 'Europe/Zurich';
/** Monday 09:00 in Zurich, as the moderator sets it. */
const SLOT = { weekday: 1, hour: 9, minute: 0, timeZone: ZONE };
const HOUR = 60 * 60 * 1000;
/** How far the clock moves between two looks of the schedulers. */
const STEP_MS = 3 * HOUR;
const YEAR_START = new Date('2026-01-01T00:00:00Z');
const YEAR_END = new Date('2027-01-01T00:00:00Z');
/** Wednesday 1 July, 05:00 in Zurich: every instance stops and starts again on the same database. */
const RESTART_AT = new Date('2026-07-01T03:00:00Z');
const FORUM = 'C0FORUM';
const MODERATOR = 'U0MOD';
const QUEUED = 60;
const WEEKS = 52;

/** Distinct titles, none a part of another (so a card names exactly the topics it shows). */
const titleOf = (n: number): string => `Weekly topic ${String(n).padStart(2, '0')}`;
const TITLES = Array.from({ length: QUEUED }, (_, i) => titleOf(i + 1));

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

/** The queued topics' titles a posted card or activity shows. */
function titlesIn(value: unknown): string[] {
  const all = texts(value).join('\n');
  return TITLES.filter((title) => all.includes(title));
}

function localWeekdayTime(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** The first moment the clock reaches at or after a slot: when the schedulers next look. */
function firstLookAt(slot: Date): number {
  return YEAR_START.getTime() + Math.ceil((slot.getTime() - YEAR_START.getTime()) / STEP_MS) * STEP_MS;
}

for (const engine of storeEngines()) {
  describeEngine(engine)(`a year of weekly topics over Slack and Teams on ${engine.name}`, () => {
    it('posts every Monday of 2026 once to both channels, across daylight-saving changes and a restart, each summary in the previous thread', { timeout: 600_000 }, async () => {
      // Two hosts share PostgreSQL; the embedded database belongs to one process.
      const instances = engine.name === 'postgres' ? 2 : 1;
      const target: PersistentTarget = await engine.persistent();
      const dataDir = makeTempDir();
      const clock = { now: YEAR_START };
      const options = (store: Store): Parameters<typeof startHost>[2] => ({ store, now: () => clock.now, ingestKnowledge: false });
      const env = {
        HOST: '127.0.0.1',
        TA_FORUM_DATA_DIR: dataDir.dir,
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack().apiUrl,
        SLACK_ALLOWED_WORKSPACES: TEAM_ID,
        TEAMS_ALLOWED_TENANTS: TENANT_ID,
        MODERATORS: `slack:${MODERATOR}`,
      };
      let hosts: Host[] = [];
      /** Starts the instances one after the other, each on its own store; only the test ticks them. */
      const startInstances = async (channels: string): Promise<Host[]> => {
        const started: Host[] = [];
        for (let i = 0; i < instances; i++) {
          const store = await target.open();
          let host: Host;
          try {
            host = await startHost(loadConfig({ ...env, DISCUSSION_CHANNELS: channels }, { port: 0 }), silentLogger(), options(store));
          } catch (error) {
            await store.close();
            throw error;
          }
          started.push(host);
          hosts.push(host);
          await host.scheduler.stop();
        }
        return started;
      };
      const closeAll = async (): Promise<void> => {
        const closing = hosts;
        hosts = [];
        // Closing a host closes its store too.
        await Promise.all(closing.map((h) => h.close()));
      };

      try {
        // The bot is installed in a Teams channel first, so that its reference is in the shared database.
        const installer = await target.open();
        let bare: Host;
        try {
          bare = await startHost(loadConfig(env, { port: 0 }), silentLogger(), options(installer));
        } catch (error) {
          await installer.close();
          throw error;
        }
        hosts.push(bare);
        await bare.scheduler.stop();
        await postActivity(bare.url, conversationUpdate({ scope: 'team', botAdded: true, serviceUrl: connector().serviceUrl, from: USER_ADA }));
        const teamsChannel = (await activeConversations(installer.db, 'teams'))[0]?.conversation_id ?? '';
        expect(teamsChannel).not.toBe('');
        await closeAll();

        const channels = `slack:${FORUM},teams:${teamsChannel}`;
        await startInstances(channels);
        const db = (): Store['db'] => hosts[0]!.app.services.store.db;

        // The moderator sets the slot in a direct message, on the first day of the year.
        await sendToSlack(
          hosts[0]!.url,
          SIGNING_SECRET,
          'event',
          eventEnvelope(directMessage({ user: MODERATOR, channel: `D${MODERATOR}`, text: 'topic schedule monday 09:00 Europe/Zurich' })),
        );
        await slack().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === `D${MODERATOR}`);
        expect(await getSchedule(db())).toMatchObject({ weekday: 1, hour: 9, minute: 0, time_zone: ZONE, use_starters: false });
        // More topics than Mondays: the queue never runs dry, so no reminder is due.
        for (const title of TITLES) {
          await createTopic(db(), { title, description: `What did ${title.toLowerCase()} change in your office?`, lang: 'en', category: null, author: `slack:${MODERATOR}` }, 'queued', clock.now);
        }

        slack().reset();
        connector().reset();
        // The clock's value when each call reached the fakes: only the test's ticks post, and each
        // tick's posts are done when it returns.
        const slackAt = new Map<SlackCall, number>();
        const teamsAt = new Map<ConnectorCall, number>();
        const stamp = (): void => {
          for (const call of slack().calls.slice(slackAt.size)) slackAt.set(call, clock.now.getTime());
          for (const call of connector().calls.slice(teamsAt.size)) teamsAt.set(call, clock.now.getTime());
        };

        // What every scheduler says it did, tick by tick: together, each Monday once and no notice.
        const reports: TickReport[] = [];
        let restarted = false;
        for (let t = YEAR_START.getTime(); t < YEAR_END.getTime(); t += STEP_MS) {
          clock.now = new Date(t);
          if (!restarted && t >= RESTART_AT.getTime()) {
            await closeAll();
            await startInstances(channels);
            restarted = true;
            stamp();
          }
          reports.push(...(await Promise.all(hosts.map((h) => h.scheduler.tick()))));
          stamp();
        }
        expect(restarted).toBe(true);
        expect(reports.flatMap((r) => r.notices)).toEqual([]);

        const slots = slotsBetween(SLOT, YEAR_START, YEAR_END, QUEUED);
        expect(slots).toHaveLength(WEEKS);
        // Across both changes of 2026 (29 March, 25 October) the slot stays at 09:00 in Zurich.
        expect(slots.map((s) => s.toISOString())).toEqual(expect.arrayContaining(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']));
        const expectedTitles = TITLES.slice(0, WEEKS);
        const postedTopics = await Promise.all(expectedTitles.map((title) => db().selectFrom('topics').selectAll().where('title', '=', title).executeTakeFirstOrThrow()));
        const roots = await Promise.all(
          postedTopics.map(async (topic) => {
            const posts = await topicPosts(db(), topic.id);
            expect(posts.map((p) => `${p.platform}:${p.conversation_id}`)).toEqual([`slack:${FORUM}`, `teams:${teamsChannel}`]);
            return { slack: posts[0]?.message_id ?? '', teams: posts[1]?.message_id ?? '' };
          }),
        );
        expect(new Set(roots.map((r) => r.slack)).size).toBe(WEEKS);
        expect(new Set(roots.map((r) => r.teams)).size).toBe(WEEKS);

        // Slack: everything went to the forum channel (nothing to the moderator), post and summary in turn.
        const slackSent = slack().callsTo('chat.postMessage');
        expect(slackSent.every((c) => c.body.channel === FORUM && !c.failed)).toBe(true);
        const slackTop = slackSent.filter((c) => typeof c.body.thread_ts !== 'string');
        const slackThreaded = slackSent.filter((c) => typeof c.body.thread_ts === 'string');
        expect(slackTop.map((c) => titlesIn(c.body.blocks))).toEqual(expectedTitles.map((title) => [title]));
        expect(slackTop.map((c) => slackAt.get(c))).toEqual(slots.map(firstLookAt));
        expect(slackThreaded).toHaveLength(WEEKS - 1);
        expect(slackThreaded.map((c) => ({ threadTs: c.body.thread_ts, titles: titlesIn(c.body.blocks) }))).toEqual(
          expectedTitles.slice(0, -1).map((title, i) => ({ threadTs: roots[i]?.slack, titles: [title] })),
        );
        expect(slackThreaded.every((c) => texts(c.body.blocks).join(' ').includes('Summary of the discussion'))).toBe(true);
        // Each summary goes out at the next slot, just before the next topic.
        expect(slackSent.map((c) => (typeof c.body.thread_ts === 'string' ? 'summary' : 'topic'))).toEqual(
          Array.from({ length: 2 * WEEKS - 1 }, (_, i) => (i % 2 === 0 ? 'topic' : 'summary')),
        );
        expect(slackThreaded.map((c) => slackAt.get(c))).toEqual(slots.slice(1).map(firstLookAt));

        // Teams: the same, through the Bot Connector; summaries into `<channel>;messageid=<root>`.
        const teamsCalls = connector().calls;
        expect(teamsCalls.every((c) => c.method === 'send' && !c.failed)).toBe(true);
        const teamsTop = teamsCalls.filter((c) => c.conversationId === teamsChannel);
        const teamsThreaded = teamsCalls.filter((c) => c.conversationId !== teamsChannel);
        expect(teamsTop.map((c) => titlesIn(c.body))).toEqual(expectedTitles.map((title) => [title]));
        expect(teamsTop.map((c) => teamsAt.get(c))).toEqual(slots.map(firstLookAt));
        expect(teamsThreaded.map((c) => ({ conversation: c.conversationId, titles: titlesIn(c.body) }))).toEqual(
          expectedTitles.slice(0, -1).map((title, i) => ({ conversation: `${teamsChannel};messageid=${roots[i]?.teams}`, titles: [title] })),
        );
        expect(teamsThreaded.every((c) => texts(c.body).join(' ').includes('Summary of the discussion'))).toBe(true);
        expect(teamsCalls.map((c) => (c.conversationId === teamsChannel ? 'topic' : 'summary'))).toEqual(
          Array.from({ length: 2 * WEEKS - 1 }, (_, i) => (i % 2 === 0 ? 'topic' : 'summary')),
        );
        expect(teamsThreaded.map((c) => teamsAt.get(c))).toEqual(slots.slice(1).map(firstLookAt));

        // The store: one claim per Monday, each posted, at 09:00 in Zurich, in queue order; no reminders.
        const jobs = await jobsOf(db(), 'topic');
        expect(jobs.map((j) => new Date(j.slot_at).toISOString())).toEqual(slots.map((s) => s.toISOString()));
        expect(jobs.every((j) => j.outcome === 'posted' && localWeekdayTime(new Date(j.slot_at)) === 'Monday 09:00')).toBe(true);
        expect(jobs.map((j) => j.topic_id)).toEqual(postedTopics.map((t) => t.id));
        expect(reports.flatMap((r) => r.posted).map((p) => ({ topicId: p.topicId, slotAt: p.slotAt.toISOString() }))).toEqual(
          postedTopics.map((t, i) => ({ topicId: t.id, slotAt: slots[i]?.toISOString() })),
        );
        expect(jobs.map((j) => new Date(j.claimed_at).getTime())).toEqual(slots.map(firstLookAt));
        expect(await jobsOf(db(), 'reminder')).toEqual([]);
        expect(postedTopics.map((t) => t.status)).toEqual([...Array.from({ length: WEEKS - 1 }, () => 'closed'), 'posted']);
        const left = await db().selectFrom('topics').select(['title', 'status']).where('status', '=', 'queued').orderBy('queue_position').execute();
        expect(left.map((t) => t.title)).toEqual(TITLES.slice(WEEKS));
      } finally {
        await closeAll();
        await target.dispose();
        dataDir.remove();
      }
    });
  });
}
