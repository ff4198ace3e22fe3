/**
 * `poll export` in Slack over HTTP, as Slack drives it: the real host and Bolt app, signed slash
 * commands and button clicks, the Web API played by the recording fake. The CSV arrives as a file
 * in the person's direct messages with the bot (conversations.open, then Slack's upload flow:
 * files.getUploadURLExternal, the bytes POSTed to the upload URL, files.completeUploadExternal),
 * with a private confirmation where the command was typed; when Slack refuses the file, the CSV is
 * shown in a private code block as before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../adapters/host/server.ts';
import { loadConfig } from '../../../src/config.ts';
import { messages } from '../../../src/i18n/index.ts';
import { silentLogger } from '../../../src/log.ts';
import { type Store } from '../../../src/store/index.ts';
import { findPoll, pollPosts, tallyPoll, type Poll } from '../../../src/store/polls.ts';
import { FILE_UPLOAD, useFakeSlack, type SlackCall } from '../../support/fake-slack.ts';
import { SIGNING_SECRET, TEAM_ID, blockAction, sendToSlack, slashCommand } from '../../support/slack-requests.ts';
import { openTestStore } from '../../support/pglite-template.ts';

const fake = useFakeSlack();
const CHANNEL = 'C0WEBINAR';
const MODERATOR = 'U0MOD';
/** The three bytes of UTF-8's byte order mark. */
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const en = messages('en').polls;
const fr = messages('fr').polls;

/** Every text of a Block Kit structure, for checks on what people see. */
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

const shown = (call: SlackCall): string => texts(call.body.blocks).join('\n');
const indexOf = (call: SlackCall): number => fake().calls.indexOf(call);

interface Created {
  poll: Poll;
  /** The ts of the poll's message in the channel. */
  ts: string;
  buttons: { action_id: string; value: string }[];
}

/** The calls of a file upload, in the order Slack needs them. */
const FILE_METHODS = ['conversations.open', 'files.getUploadURLExternal', FILE_UPLOAD, 'files.completeUploadExternal'];

describe('poll export over Slack', () => {
  let store: Store;
  let host: Host;
  let dataDir: string;
  let commands = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-slack-export-'));
    store = await openTestStore();
    const env = {
      HOST: '127.0.0.1',
      TA_FORUM_DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake().apiUrl,
      SLACK_ALLOWED_WORKSPACES: TEAM_ID,
      MODERATORS: `slack:${MODERATOR}`,
    };
    host = await startHost(loadConfig(env, { port: 0 }), silentLogger(), { store, ingestKnowledge: false });
    await host.scheduler.stop();
  });

  afterAll(async () => {
    await host.close();
    await store.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** `/forum <text>` typed in the channel; the private answer it gets through its response_url. */
  async function command(user: string, text: string): Promise<SlackCall> {
    commands += 1;
    const id = `export-${commands}`;
    const response = await sendToSlack(host.url, SIGNING_SECRET, 'command', slashCommand({ user, channel: CHANNEL, text, responseUrl: fake().responseUrl(id) }));
    expect(response.status).toBe(200);
    return fake().waitFor((c) => c.method === 'response_url' && c.path.endsWith(`/${id}`), 10_000);
  }

  /** A poll created with the slash command in the channel: the poll, the ts of its message, its buttons. */
  async function createPoll(user: string, text: string): Promise<Created> {
    const before = fake().calls.length;
    await command(user, text);
    const post = await fake().waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === CHANNEL && indexOf(c) >= before);
    const buttons = objects(post.body.blocks, (o) => o.type === 'button') as Created['buttons'];
    const poll = await findPoll(store.db, buttons[0]?.value.split(':')[0] ?? '');
    if (!poll) throw new Error('the poll was not stored');
    await expect.poll(async () => (await pollPosts(store.db, poll.id)).length).toBe(1);
    const [stored] = await pollPosts(store.db, poll.id);
    return { poll, ts: stored?.message_id ?? '', buttons };
  }

  /** People click the poll's buttons (signed block_actions); waits until the store has every vote. */
  async function vote(created: Created, votes: [user: string, option: number][]): Promise<void> {
    for (const [user, option] of votes) {
      const button = created.buttons[option];
      if (!button) throw new Error(`no option ${option}`);
      const click = blockAction({ user, channel: CHANNEL, messageTs: created.ts, actionId: button.action_id, value: button.value });
      expect((await sendToSlack(host.url, SIGNING_SECRET, 'interaction', click)).status).toBe(200);
    }
    const voters = new Set(votes.map(([user]) => user)).size;
    await expect.poll(async () => (await tallyPoll(store.db, created.poll)).voters, { timeout: 10_000 }).toBe(voters);
  }

  /** The file calls since a point, checked to come in Slack's order; the upload's bytes. */
  async function uploaded(since: number): Promise<{ open: SlackCall; ask: SlackCall; upload: SlackCall; complete: SlackCall; bytes: Buffer }> {
    const after = (method: string) => fake().waitFor((c) => c.method === method && indexOf(c) >= since);
    const [open, ask, upload, complete] = await Promise.all(FILE_METHODS.map(after));
    if (!open || !ask || !upload || !complete) throw new Error('a file call is missing');
    expect([open, ask, upload, complete].map(indexOf)).toEqual([...[open, ask, upload, complete].map(indexOf)].sort((a, b) => a - b));
    return { open, ask, upload, complete, bytes: upload.bytes ?? Buffer.alloc(0) };
  }

  it('sends a named poll’s CSV as a file in the person’s direct messages, and confirms privately', async () => {
    const created = await createPoll('U0ALICE', 'poll "Was the webinar useful?" "Très utile" "Yes" "=1+1, no"');
    const { poll } = created;
    await vote(created, [
      ['U0BEN', 0],
      ['U0CAM', 2],
      ['U0DAN', 0],
    ]);

    const since = fake().calls.length;
    const confirmation = await command('U0ALICE', `poll export ${poll.id}`);
    const { open, ask, upload, complete, bytes } = await uploaded(since);

    // The person's direct-message channel with the bot, opened with their user id.
    expect(open.body.users).toBe('U0ALICE');
    const dm = 'D0ALICE';
    // The upload URL asked for the file's name and exact size; the bytes went to that URL.
    const name = `poll-${poll.id}.csv`;
    expect(ask.body).toMatchObject({ filename: name, length: String(bytes.length) });
    expect(upload.body.file_id).toBe((upload.path.split('/').at(-1) ?? '').trim());
    expect(upload.token).toBeUndefined();
    // UTF-8 with a byte order mark, so spreadsheet programs read “Très” right.
    expect(bytes.subarray(0, 3)).toEqual(UTF8_BOM);
    const lines = bytes.subarray(3).toString('utf8').split('\n');
    expect(lines[0]).toBe('voter,option,voted_at');
    expect(lines.slice(1).sort()).toEqual([
      expect.stringMatching(/^slack:U0BEN,Très utile,\d{4}-\d\d-\d\dT[\d:.]+Z$/),
      expect.stringMatching(/^slack:U0CAM,"'=1\+1, no",\d{4}-/),
      expect.stringMatching(/^slack:U0DAN,Très utile,\d{4}-/),
    ]);
    // Shared in the direct messages, under the title in the person's language.
    expect(complete.body.channel_id).toBe(dm);
    expect(complete.body.files).toEqual([{ id: upload.body.file_id, title: en.exportTitle({ id: poll.id }) }]);

    // The confirmation is private, after the file, names it, and does not repeat the CSV.
    expect(confirmation.body.response_type).toBe('ephemeral');
    expect(indexOf(confirmation)).toBeGreaterThan(indexOf(complete));
    const text = shown(confirmation);
    expect(text).toContain(en.exportTitle({ id: poll.id }));
    expect(text).toContain(name);
    expect(text).not.toContain('voter,option');
    expect(text).not.toContain('U0BEN');
    // Nothing was posted in the channel, and nothing else was sent to anyone.
    const spoken = fake().calls.slice(since).filter((c) => ['chat.postMessage', 'chat.postEphemeral'].includes(c.method));
    expect(spoken).toEqual([]);
  });

  it('gives an anonymous poll’s file counts only, titled in the person’s language, with the anonymity note', async () => {
    fake().setUser('U0CLAIRE', { locale: 'fr-FR' });
    const created = await createPoll('U0CLAIRE', 'poll "Quel format préférez-vous ?" "Webinaire" "Atelier" "Visite" --anonymous');
    const { poll } = created;
    await vote(created, [
      ['U0BEN', 1],
      ['U0CAM', 1],
      ['U0DAN', 2],
    ]);

    const since = fake().calls.length;
    const confirmation = await command('U0CLAIRE', `poll export ${poll.id}`);
    const { open, complete, bytes } = await uploaded(since);
    expect(open.body.users).toBe('U0CLAIRE');
    expect(bytes.subarray(0, 3)).toEqual(UTF8_BOM);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv).toBe('option,votes\nWebinaire,0\nAtelier,2\nVisite,1');
    expect(csv).not.toMatch(/U0|anon:|slack:/);
    expect(complete.body).toMatchObject({ channel_id: 'D0CLAIRE', files: [{ title: fr.exportTitle({ id: poll.id }) }] });
    const text = shown(confirmation);
    expect(text).toContain(fr.exportTitle({ id: poll.id }));
    expect(text).toContain(fr.exportAnonymous);
    expect(text).not.toContain('option,votes');
  });

  it('lets a moderator export someone else’s poll as a file to the moderator', async () => {
    const created = await createPoll('U0ALICE', 'poll "Keep the Monday slot?" "Yes" "No"');
    await vote(created, [['U0BEN', 1]]);
    const since = fake().calls.length;
    await command(MODERATOR, `poll export ${created.poll.id}`);
    const { open, complete, bytes } = await uploaded(since);
    expect(open.body.users).toBe(MODERATOR);
    expect(complete.body.channel_id).toBe(`D${MODERATOR.slice(1)}`);
    expect(bytes.subarray(3).toString('utf8')).toMatch(/^voter,option,voted_at\nslack:U0BEN,No,/);
  });

  it('shows the CSV in a private code block when Slack refuses the file, or the app lacks the new scopes', async () => {
    const created = await createPoll('U0ALICE', 'poll "Which day?" "Tuesday" "Thursday"');
    await vote(created, [
      ['U0BEN', 0],
      ['U0CAM', 1],
    ]);

    // The workspace has turned file uploads off.
    fake().fail('files.getUploadURLExternal', { error: 'file_uploads_disabled' });
    let since = fake().calls.length;
    let answer = await command('U0ALICE', `poll export ${created.poll.id}`);
    expect(fake().calls.slice(since).map((c) => c.method)).toEqual(expect.arrayContaining(['conversations.open', 'files.getUploadURLExternal']));
    expect(fake().calls.slice(since).filter((c) => [FILE_UPLOAD, 'files.completeUploadExternal'].includes(c.method))).toEqual([]);
    expect(answer.body.response_type).toBe('ephemeral');
    let text = shown(answer);
    expect(text).toContain(en.exportTitle({ id: created.poll.id }));
    expect(text).toContain('voter,option,voted_at');
    expect(text).toMatch(/slack:U0BEN,Tuesday,\d{4}-/);
    expect(text).toMatch(/slack:U0CAM,Thursday,\d{4}-/);
    expect(text).toContain('```');

    // The app was installed before im:write and files:write were asked for.
    fake().fail('conversations.open', { error: 'missing_scope' });
    since = fake().calls.length;
    answer = await command('U0ALICE', `poll export ${created.poll.id}`);
    expect(fake().calls.slice(since).filter((c) => FILE_METHODS.slice(1).includes(c.method))).toEqual([]);
    text = shown(answer);
    expect(text).toContain('voter,option,voted_at');
    expect(text).toMatch(/slack:U0BEN,Tuesday,/);
  });

  it('refuses the export to someone who is neither the creator nor a moderator, and sends no file', async () => {
    const created = await createPoll('U0ALICE', 'poll "Lunch or no lunch?" "Lunch" "No lunch"');
    const since = fake().calls.length;
    const answer = await command('U0BEN', `poll export ${created.poll.id}`);
    expect(shown(answer)).toContain(en.notYours({ id: created.poll.id }));
    expect(fake().calls.slice(since).filter((c) => FILE_METHODS.includes(c.method))).toEqual([]);
  });
});
