/**
 * People using the forum in Slack over HTTP, for tests of the real host: a slash command answered
 * through its `response_url`, a direct message answered in the person's DM channel, a click on a
 * button of one of the bot's messages, a reply in a channel thread. Each request is signed and sent
 * as Slack sends it; the answers are the calls recorded by the fake Slack Web API.
 *
 * No vitest import here: the waiting is the fake's own `waitFor`.
 */
import type { FakeSlack, SlackCall } from '../fake-slack.ts';
import { channelMessage, directMessage, eventEnvelope } from './events.ts';
import { blockAction, slashCommand } from './interactions.ts';
import { sendToSlack } from './signing.ts';
import { SIGNING_SECRET } from './workspace.ts';

/** A button of a Block Kit message, as Slack sends back its `action_id` and `value`. */
export interface SlackButton {
  action_id: string;
  value: string;
}

/** Where a message is: its channel and ts. */
export interface SlackMessageAt {
  channel: string;
  ts: string;
}

/** The lines a call's blocks show: every text object's, split at line ends (a list block is one section of `• item` lines). */
export function shownLines(call: SlackCall): string[] {
  const lines: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if ((o.type === 'plain_text' || o.type === 'mrkdwn') && typeof o.text === 'string') lines.push(...o.text.split('\n'));
      else Object.values(o).forEach(walk);
    }
  };
  walk(call.body.blocks);
  return lines;
}

/** The buttons of a call's blocks, in order. */
export function buttonsOf(call: SlackCall): SlackButton[] {
  const found: SlackButton[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (o.type === 'button' && typeof o.action_id === 'string') found.push({ action_id: o.action_id, value: typeof o.value === 'string' ? o.value : '' });
      Object.values(o).forEach(walk);
    }
  };
  walk(call.body.blocks);
  return found;
}

export interface SlackForumDriver {
  /** `/forum <text>` typed in a channel (C0FORUM unless told); resolves with its first private answer through the response_url. */
  command(user: string, text: string, options?: { teamId?: string; channel?: string }): Promise<SlackCall>;
  /** A question in the person's direct messages with the bot; resolves with the answer that replaced the placeholder (chat.update). */
  ask(user: string, text: string, options?: { teamId?: string }): Promise<SlackCall>;
  /** A direct message; resolves with the bot's first post in the DM channel. */
  directMessage(user: string, text: string, options?: { teamId?: string }): Promise<SlackCall>;
  /**
   * A click on a button of the message at `at`; resolves once the app has acknowledged it. On an
   * ephemeral message (`responseUrl` given) Slack sends `is_ephemeral` and the message's response_url.
   */
  click(user: string, at: SlackMessageAt, button: SlackButton, options?: { teamId?: string; responseUrl?: string }): Promise<void>;
  /** A reply in the thread under `threadTs`; resolves once the app has acknowledged it. */
  threadReply(user: string, at: SlackMessageAt, text: string, options?: { teamId?: string }): Promise<void>;
  /** The index of a recorded call, to look only at what came after a point. */
  indexOf(call: SlackCall): number;
}

export function slackForumDriver(url: string, fake: () => FakeSlack): SlackForumDriver {
  let sent = 0;
  const indexOf = (call: SlackCall): number => fake().calls.indexOf(call);
  const expectOk = (status: number, what: string): void => {
    if (status !== 200) throw new Error(`${what}: the app answered HTTP ${status}`);
  };
  const team = (teamId: string | undefined): { teamId?: string } => (teamId ? { teamId } : {});

  async function sendDirectMessage(user: string, text: string, teamId: string | undefined, method: string): Promise<SlackCall> {
    const before = fake().calls.length;
    const message = directMessage({ user, text, ...team(teamId) });
    expectOk((await sendToSlack(url, SIGNING_SECRET, 'event', eventEnvelope(message, team(teamId)))).status, 'direct message');
    return fake().waitFor((c) => c.method === method && c.body.channel === message.channel && indexOf(c) >= before, 10_000);
  }

  return {
    async command(user, text, options = {}) {
      sent += 1;
      const id = `forum-${sent}`;
      const fields = slashCommand({ user, channel: options.channel ?? 'C0FORUM', text, responseUrl: fake().responseUrl(id), ...team(options.teamId) });
      expectOk((await sendToSlack(url, SIGNING_SECRET, 'command', fields)).status, `/forum ${text}`);
      return fake().waitFor((c) => c.method === 'response_url' && c.path.endsWith(`/${id}`), 10_000);
    },
    ask: (user, text, options = {}) => sendDirectMessage(user, text, options.teamId, 'chat.update'),
    directMessage: (user, text, options = {}) => sendDirectMessage(user, text, options.teamId, 'chat.postMessage'),
    async click(user, at, button, options = {}) {
      sent += 1;
      const responseUrl = options.responseUrl ?? fake().responseUrl(`click-${sent}`);
      const payload = blockAction({ user, channel: at.channel, messageTs: at.ts, actionId: button.action_id, value: button.value, responseUrl, ...team(options.teamId) });
      if (options.responseUrl) payload.container = { ...payload.container, is_ephemeral: true };
      expectOk((await sendToSlack(url, SIGNING_SECRET, 'interaction', payload)).status, `click on ${button.action_id}`);
    },
    async threadReply(user, at, text, options = {}) {
      const reply = channelMessage({ user, channel: at.channel, threadTs: at.ts, text, ...team(options.teamId) });
      expectOk((await sendToSlack(url, SIGNING_SECRET, 'event', eventEnvelope(reply, team(options.teamId)))).status, 'thread reply');
    },
    indexOf,
  };
}
