/**
 * The test workspace and app (team, app and bot ids, tokens, the signing secret), the loader of the
 * Slack fixtures in `test/fixtures/slack/`, and the ids Slack gives messages, events, triggers and
 * response URLs, unique per call. `Json`, `next`, `eventId`, `triggerId` and `hookUrl` are for the
 * other builders only: `slack-requests.ts` does not re-export them.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const TEAM_ID = 'T0001';
export const TEAM_DOMAIN = 'test-forum';
export const API_APP_ID = 'A0APP';
export const BOT_USER_ID = 'U0BOT';
export const BOT_ID = 'B0BOT';
/** The deprecated verification token Slack still puts in every payload. */
export const VERIFICATION_TOKEN = 'Jhj5dZrVaK7ZwHHjRyZWjbDl';
export const SIGNING_SECRET = 'test-signing-secret-8f14e45fceea167a';

export type SlackFixtureName =
  | 'app-mention'
  | 'message-im'
  | 'message-channels'
  | 'message-action'
  | 'member-joined-channel'
  | 'app-home-opened'
  | 'slash-command'
  | 'block-actions'
  | 'view-submission'
  | 'url-verification';

export type Json = Record<string, unknown>;

/** A fresh copy of a fixture from `test/fixtures/slack/`. */
export function loadSlackFixture<T = Json>(name: SlackFixtureName): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/slack/${name}.json`, import.meta.url), 'utf8')) as T;
}

// ---------------------------------------------------------------------------------------------
// Ids, unique per call
// ---------------------------------------------------------------------------------------------

let sequence = 0;
export function next(): number {
  sequence += 1;
  return sequence;
}

/** A message timestamp as Slack writes it (`seconds.micro`), unique and increasing within a run. */
export function slackTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(next()).padStart(6, '0')}`;
}

export function eventId(): string {
  return `Ev0${Date.now().toString(36).toUpperCase()}${String(next()).padStart(4, '0')}`;
}

export function triggerId(): string {
  const n = next();
  return `${8_512_345_600_000 + n}.${1_234_567_890_123}.${randomUUID().replaceAll('-', '')}`;
}

export function hookUrl(kind: 'commands' | 'actions' | 'app', teamId: string): string {
  return `https://hooks.slack.com/${kind}/${teamId}/${8_512_345_700_000 + next()}/${randomUUID().replaceAll('-', '').slice(0, 24)}`;
}

/** The rich_text blocks Slack adds to a message a person typed: mentions become `user` elements. */
export function richTextBlocks(text: string): Json[] {
  const elements: Json[] = [];
  for (const part of text.split(/(<@[UW][A-Z0-9]+>)/)) {
    if (!part) continue;
    const mention = /^<@([UW][A-Z0-9]+)>$/.exec(part);
    elements.push(mention ? { type: 'user', user_id: mention[1] } : { type: 'text', text: part });
  }
  return [{ type: 'rich_text', block_id: `b${next().toString(36)}`, elements: [{ type: 'rich_text_section', elements }] }];
}
