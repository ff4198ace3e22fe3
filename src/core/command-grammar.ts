/**
 * The syntax lines of the command grammar, shared by the parser's usage messages and by help.
 * The command words are English in every language; help explains them in the reader's language.
 */
import type { HelpTopic } from '../i18n/index.ts';

export const COMMAND_SYNTAX: Record<HelpTopic, string> = {
  ask: 'ask <question>',
  help: 'help',
  lang: 'lang <ar|en|es|fr|ru|zh>',
  experts: 'experts <query> [--lang <code>] [--region <name>]',
  'topic propose': 'topic propose <title> | <description>',
  'topic queue': 'topic queue',
  'topic approve': 'topic approve <id>',
  'topic reject': 'topic reject <id> <reason>',
  'topic schedule': 'topic schedule <weekday> <HH:MM> <IANA time zone> [--starters]',
  'topic post-now': 'topic post-now',
  'topic close': 'topic close [<id>]',
  'topic translate': 'topic translate <id> <ar|en|es|fr|ru|zh> <title> | <description>',
  poll: 'poll "<question>" "<option>" "<option>" ... [--anonymous] [--multi] [--rating] [--closes <ISO time>] [--discussion]',
  'poll template': 'poll template webinar [--closes <ISO time>] [--discussion]',
  'poll results': 'poll results <id>',
  'poll close': 'poll close <id>',
  'poll export': 'poll export <id>',
  stats: 'stats',
  unanswered: 'unanswered',
  'my-data': 'my-data',
  'forget-me': 'forget-me',
  invite: 'invite @person [--days <n>] [--propose]',
  guests: 'guests',
  revoke: 'revoke @person',
  rules: 'rules',
  report: 'report <message link> [<reason>]',
  remove: 'remove <message link>',
};

/** An example per command, shown under its syntax in usage messages. */
export const COMMAND_EXAMPLES: Partial<Record<HelpTopic, string>> = {
  lang: 'lang fr',
  experts: 'experts impact evaluation --region Afrique',
  ask: 'ask How does a member state request technical assistance?',
  'topic propose': 'topic propose Measuring impact | How do you evaluate a programme a year later?',
  'topic reject': 'topic reject 12 Already discussed in March',
  'topic schedule': 'topic schedule monday 09:00 Europe/Zurich',
  poll: 'poll "Was the webinar useful?" "Yes" "Partly" "No" --closes 2026-12-01T17:00Z',
  'poll template': 'poll template webinar --closes 2026-12-01T17:00Z',
  invite: 'invite @someone --days 30',
  revoke: 'revoke @someone',
  report: 'report https://example.slack.com/archives/C0123ABCD/p1764000000123456 shares a phone number',
  'topic close': 'topic close 12',
  'topic translate': 'topic translate 12 fr Mesurer l’impact | Comment évaluez-vous un programme un an après ?',
};

/** Commands for moderators only. */
export const MODERATOR_TOPICS: ReadonlySet<HelpTopic> = new Set<HelpTopic>([
  'topic queue',
  'topic approve',
  'topic reject',
  'topic schedule',
  'topic post-now',
  'topic close',
  'topic translate',
  'stats',
  'unanswered',
  'guests',
  'revoke',
  'remove',
]);

/** Every help topic, in the order help lists them. */
export const HELP_TOPICS = Object.keys(COMMAND_SYNTAX) as HelpTopic[];
