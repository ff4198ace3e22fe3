/**
 * The one command grammar, for Slack's `/forum`, messages to the bot in Teams and the web chat.
 * `parseCommand` returns a typed command, a usage error naming the command and the reason, or
 * `undefined` when the text does not start with a command word (then it is a question). A command
 * word followed by something wrong is a usage error, never a question.
 */
import { isLang, type HelpTopic, type Lang, type UsageReason } from '../i18n/index.ts';
import { HELP_TOPICS } from './command-grammar.ts';
import { fail, ISO_WITH_ZONE, isCalendarDay, isValidTimeZone, LINK, noMore, parseId, ParseFailure, tokenize } from './command-tokens.ts';

export { tokenize } from './command-tokens.ts';

export const POLL_MIN_OPTIONS = 2;
export const POLL_MAX_OPTIONS = 10;
export const INVITE_MAX_DAYS = 365;
/** How long a guest is invited for when `--days` is not given. */
export const INVITE_DEFAULT_DAYS = 30;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type Command =
  | { kind: 'ask'; question: string }
  | { kind: 'help'; topic?: HelpTopic }
  | { kind: 'lang'; lang?: Lang }
  | { kind: 'experts'; query: string }
  | { kind: 'topic.propose'; title: string; description: string }
  | { kind: 'topic.queue' }
  | { kind: 'topic.approve'; id: number }
  | { kind: 'topic.reject'; id: number; reason: string }
  | { kind: 'topic.schedule'; weekday: Weekday; hour: number; minute: number; timeZone: string; useStarters: boolean }
  | { kind: 'topic.post-now' }
  | { kind: 'topic.close'; id?: number }
  | { kind: 'topic.translate'; id: number; lang: Lang; title: string; description: string }
  | {
      kind: 'poll.create';
      question: string;
      options: string[];
      anonymous: boolean;
      multi: boolean;
      rating: boolean;
      /** Posted to every discussion channel rather than where it was typed. */
      discussion: boolean;
      closesAt?: Date;
    }
  | { kind: 'poll.template'; name: string; discussion: boolean; closesAt?: Date }
  | { kind: 'poll.results'; id: number }
  | { kind: 'poll.close'; id: number }
  | { kind: 'poll.export'; id: number }
  | { kind: 'stats' }
  | { kind: 'unanswered' }
  | { kind: 'my-data' }
  | { kind: 'forget-me' }
  | { kind: 'invite'; user: string; days?: number; mayPropose: boolean }
  | { kind: 'guests' }
  | { kind: 'revoke'; user: string }
  | { kind: 'rules' }
  | { kind: 'report'; link: string; reason: string }
  | { kind: 'remove'; link: string };

export type CommandKind = Command['kind'];

export interface UsageError {
  /** The command whose syntax to show. */
  topic: HelpTopic;
  reason: UsageReason;
  /** The offending word or value, or ''. */
  detail: string;
}

export type ParseResult = { ok: true; command: Command } | { ok: false; error: UsageError };

/** Words that open a help request in each language, besides `help`. */
const HELP_WORDS = new Set(['help', 'aide', 'ayuda', 'مساعدة', '帮助', 'помощь', '?']);

const WEEKDAYS: Record<string, Weekday> = {};
(
  [
    [1, ['monday', 'mon', 'lundi', 'lun', 'lunes']],
    [2, ['tuesday', 'tue', 'mardi', 'mar', 'martes']],
    [3, ['wednesday', 'wed', 'mercredi', 'mer', 'miércoles', 'miercoles', 'mié', 'mie']],
    [4, ['thursday', 'thu', 'jeudi', 'jeu', 'jueves', 'jue']],
    [5, ['friday', 'fri', 'vendredi', 'ven', 'viernes', 'vie']],
    [6, ['saturday', 'sat', 'samedi', 'sam', 'sábado', 'sabado', 'sáb', 'sab']],
    [7, ['sunday', 'sun', 'dimanche', 'dim', 'domingo', 'dom']],
  ] as const
).forEach(([day, names]) => names.forEach((name) => (WEEKDAYS[name] = day)));

function parseTopic(rest: string, words: string[]): Command {
  const sub = words[0]?.toLowerCase();
  const args = words.slice(1);
  switch (sub) {
    case 'propose': {
      const body = rest.replace(/^\s*\S+\s*/, '');
      const bar = body.indexOf('|');
      const title = (bar < 0 ? body : body.slice(0, bar)).trim();
      const description = bar < 0 ? '' : body.slice(bar + 1).trim();
      if (!title) fail('topic propose', 'missing_argument');
      return { kind: 'topic.propose', title, description };
    }
    case 'queue':
      noMore('topic queue', args);
      return { kind: 'topic.queue' };
    case 'approve': {
      const id = parseId('topic approve', args[0]);
      noMore('topic approve', args.slice(1));
      return { kind: 'topic.approve', id };
    }
    case 'reject': {
      const id = parseId('topic reject', args[0]);
      const reason = rest.replace(/^\s*\S+\s+\S+\s*/, '').trim();
      if (args.length < 2 || !reason) fail('topic reject', 'missing_argument');
      return { kind: 'topic.reject', id, reason };
    }
    case 'schedule': {
      const [dayWord, time, zone, ...extra] = args;
      if (!dayWord || !time || !zone) fail('topic schedule', 'missing_argument');
      const weekday = WEEKDAYS[dayWord.toLowerCase()];
      if (!weekday) fail('topic schedule', 'bad_weekday', dayWord);
      const match = /^([01]?\d|2[0-3])[:h]([0-5]\d)$/.exec(time);
      if (!match) fail('topic schedule', 'bad_time', time);
      if (!isValidTimeZone(zone)) fail('topic schedule', 'bad_time_zone', zone);
      const useStarters = extra[0]?.toLowerCase() === '--starters';
      if (extra[0]?.startsWith('--') && !useStarters) fail('topic schedule', 'unknown_option', extra[0]);
      noMore('topic schedule', extra.slice(useStarters ? 1 : 0));
      return { kind: 'topic.schedule', weekday, hour: Number(match[1]), minute: Number(match[2]), timeZone: zone, useStarters };
    }
    case 'translate': {
      const id = parseId('topic translate', args[0]);
      const code = args[1]?.toLowerCase();
      if (code === undefined) fail('topic translate', 'missing_argument');
      if (!isLang(code)) fail('topic translate', 'bad_lang', args[1]);
      const body = rest.replace(/^\s*\S+\s+\S+\s+\S+\s*/, '');
      const bar = body.indexOf('|');
      const title = (bar < 0 ? body : body.slice(0, bar)).trim();
      if (args.length < 3 || !title) fail('topic translate', 'missing_argument');
      return { kind: 'topic.translate', id, lang: code, title, description: bar < 0 ? '' : body.slice(bar + 1).trim() };
    }
    case 'post-now':
      noMore('topic post-now', args);
      return { kind: 'topic.post-now' };
    case 'close': {
      if (args.length === 0) return { kind: 'topic.close' };
      const id = parseId('topic close', args[0]);
      noMore('topic close', args.slice(1));
      return { kind: 'topic.close', id };
    }
    // Everyone may propose; the moderators' sub-commands are listed in help.
    case undefined:
      return fail('topic propose', 'missing_argument');
    default:
      return fail('topic propose', 'unknown_subcommand', words[0]);
  }
}

function parsePoll(rest: string): Command {
  const tokens = tokenize(rest, 'poll');
  const first = tokens[0]?.toLowerCase();
  if (first === 'results' || first === 'close' || first === 'export') {
    const topic = `poll ${first}` as const;
    const id = parseId(topic, tokens[1]);
    noMore(topic, tokens.slice(2));
    return { kind: `poll.${first}`, id };
  }
  const template = first === 'template';
  const flags = { anonymous: false, multi: false, rating: false, discussion: false };
  let closes: string | undefined;
  const texts: string[] = [];
  for (let i = template ? 1 : 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token.startsWith('--') && token.length > 2) {
      const name = token.slice(2).toLowerCase();
      if (name === 'discussion') flags.discussion = true;
      else if (!template && (name === 'anonymous' || name === 'multi' || name === 'rating')) flags[name] = true;
      else if (name === 'closes') {
        closes = tokens[++i];
        if (closes === undefined) fail('poll', 'missing_argument');
      } else fail(template ? 'poll template' : 'poll', 'unknown_option', token);
    } else texts.push(token);
  }
  if (template) {
    const [name, ...extra] = texts;
    if (!name) fail('poll template', 'missing_argument');
    noMore('poll template', extra);
    const closesAt = closes === undefined ? undefined : parseCloses(closes, 'poll template');
    return { kind: 'poll.template', name: name.toLowerCase(), discussion: flags.discussion, ...(closesAt ? { closesAt } : {}) };
  }
  const [question, ...options] = texts;
  return pollCommand({ question: question ?? '', options, ...flags, closes });
}

/** What a poll is made of, from the command line or a form. */
export interface PollParts {
  question: string;
  options: string[];
  anonymous: boolean;
  multi: boolean;
  rating: boolean;
  /** The closing time as typed: ISO 8601 with a zone (`2026-12-01T17:00Z`; a space for the T and ` UTC` for Z are accepted). */
  closes?: string | undefined;
  /** Posted to every discussion channel. */
  discussion?: boolean;
}

/** A closing time as typed, checked: ISO 8601 with a zone, a real calendar day. */
function parseCloses(closes: string, topic: HelpTopic): Date {
  const value = closes.trim().replace(/^(\d{4}-\d{2}-\d{2})\s+/, '$1T').replace(/\s*UTC$/i, 'Z');
  if (!ISO_WITH_ZONE.test(value) || Number.isNaN(Date.parse(value)) || !isCalendarDay(value)) fail(topic, 'bad_date', closes);
  return new Date(value);
}

/** Checks a poll's parts by the grammar's rules; throws the usage error of the first rule broken. */
function pollCommand(parts: PollParts): Command {
  const { question, options, closes, discussion = false, ...flags } = parts;
  const closesAt = closes === undefined ? undefined : parseCloses(closes, 'poll');
  if (!question) fail('poll', 'missing_argument');
  if (options.some((o) => o.length === 0)) fail('poll', 'empty_option');
  if (flags.rating && options.length > 0) fail('poll', 'options_with_rating');
  if (!flags.rating && options.length < POLL_MIN_OPTIONS) fail('poll', 'too_few_options');
  if (options.length > POLL_MAX_OPTIONS) fail('poll', 'too_many_options');
  return { kind: 'poll.create', question, options, ...flags, discussion, ...(closesAt ? { closesAt } : {}) };
}

/**
 * A person named in a command: a mention as the adapters pass it on (`<@id>` or `<@id|name>`; the
 * Teams adapter writes its mentions so too), or a bare Slack user id. Returns their platform id.
 */
const MENTION = /^<@([^|>\s]+)(?:\|[^>]*)?>$/;
const SLACK_USER_ID = /^[UW][A-Z0-9]{6,}$/;

function parseUser(topic: HelpTopic, token: string | undefined): string {
  if (token === undefined) fail(topic, 'missing_argument');
  const mention = MENTION.exec(token);
  if (mention) return mention[1] as string;
  if (SLACK_USER_ID.test(token)) return token;
  return fail(topic, 'bad_user', token);
}

function parseInvite(rest: string): Command {
  const tokens = tokenize(rest, 'invite');
  let days: number | undefined;
  let mayPropose = false;
  const users: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token.toLowerCase() === '--days') {
      const value = tokens[++i];
      if (value === undefined) fail('invite', 'missing_argument');
      if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > INVITE_MAX_DAYS) {
        fail('invite', 'bad_days', value);
      }
      days = Number(value);
    } else if (token.toLowerCase() === '--propose') mayPropose = true;
    else if (token.startsWith('--')) fail('invite', 'unknown_option', token);
    else users.push(token);
  }
  const [user, ...extra] = users;
  noMore('invite', extra);
  const id = parseUser('invite', user);
  return { kind: 'invite', user: id, mayPropose, ...(days !== undefined ? { days } : {}) };
}

function parseKnown(keyword: string, rest: string): Command | undefined {
  const words = rest.split(/\s+/).filter(Boolean);
  switch (keyword) {
    case 'ask':
      if (!rest.trim()) fail('ask', 'missing_argument');
      return { kind: 'ask', question: rest.trim() };
    case 'lang': {
      if (words.length === 0) return { kind: 'lang' };
      const code = (words[0] as string).toLowerCase();
      if (!isLang(code)) fail('lang', 'bad_lang', words[0]);
      noMore('lang', words.slice(1));
      return { kind: 'lang', lang: code };
    }
    case 'experts':
      if (!rest.trim()) fail('experts', 'missing_argument');
      return { kind: 'experts', query: rest.trim() };
    case 'topic':
      return parseTopic(rest, words);
    case 'poll':
      return parsePoll(rest);
    case 'stats':
    case 'unanswered':
    case 'my-data':
    case 'forget-me':
    case 'rules':
      noMore(keyword, words);
      return { kind: keyword };
    // These two take a link first; anything else gets the command's usage (a question starts otherwise).
    case 'report': {
      const [link, ...reason] = words;
      if (!link) fail('report', 'missing_argument');
      if (!LINK.test(link)) fail('report', 'bad_link', link);
      return { kind: 'report', link, reason: reason.join(' ') };
    }
    case 'remove': {
      const [link, ...extra] = words;
      if (!link) fail('remove', 'missing_argument');
      if (!LINK.test(link)) fail('remove', 'bad_link', link);
      noMore('remove', extra);
      return { kind: 'remove', link };
    }
    case 'invite':
      return parseInvite(rest);
    case 'guests':
      noMore('guests', words);
      return { kind: 'guests' };
    case 'revoke': {
      const user = parseUser('revoke', words[0]);
      noMore('revoke', words.slice(1));
      return { kind: 'revoke', user };
    }
    default:
      return undefined;
  }
}

/**
 * Parses a line typed to the bot. Returns `undefined` when it is not a command (a question, to be
 * answered as `ask`). A slash-command prefix (`/forum`) is ignored.
 */
/** A poll from a form's fields, checked as the `poll` command is. */
export function parsePollParts(parts: PollParts): ParseResult {
  try {
    return { ok: true, command: pollCommand(parts) };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.usage };
    throw error;
  }
}

export function parseCommand(input: string): ParseResult | undefined {
  // Bidirectional marks and isolates (a command copied from a right-to-left help card) are not words.
  const text = input
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .replace(/^\/forum\b\s*/i, '');
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
  if (!match) return { ok: true, command: { kind: 'help' } };
  const keyword = (match[1] as string).toLowerCase();
  const rest = match[2] as string;
  if (HELP_WORDS.has(keyword)) {
    if (!rest) return { ok: true, command: { kind: 'help' } };
    const asked = rest.trim().toLowerCase().replace(/\s+/g, ' ');
    const topic = HELP_TOPICS.find((t) => t === asked);
    // A command word followed by something wrong gets the usage, always: help knows only commands.
    return topic ? { ok: true, command: { kind: 'help', topic } } : { ok: false, error: { topic: 'help', reason: 'unknown_command', detail: rest.trim() } };
  }
  try {
    const command = parseKnown(keyword, rest);
    return command ? { ok: true, command } : undefined;
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.usage };
    throw error;
  }
}
