import { describe, expect, it } from 'vitest';
import { COMMAND_EXAMPLES, HELP_TOPICS } from '../../src/core/command-grammar.ts';
import {
  INVITE_MAX_DAYS,
  POLL_MAX_OPTIONS,
  POLL_MIN_OPTIONS,
  parseCommand,
  type Command,
  type UsageError,
} from '../../src/core/commands.ts';
import { LANGS, messages, type HelpTopic, type UsageReason } from '../../src/i18n/index.ts';
import { commandTopic } from '../../src/core/router.ts';

function command(text: string): Command {
  const result = parseCommand(text);
  if (!result?.ok) throw new Error(`expected a command from ${JSON.stringify(text)}, got ${JSON.stringify(result)}`);
  return result.command;
}

function usage(text: string): UsageError {
  const result = parseCommand(text);
  if (!result || result.ok) throw new Error(`expected a usage error from ${JSON.stringify(text)}, got ${JSON.stringify(result)}`);
  return result.error;
}

const quoted = (words: string[]): string => words.map((w) => `"${w}"`).join(' ');

describe('parseCommand: every command kind', () => {
  it.each<[string, Command]>([
    ['ask How do I request assistance?', { kind: 'ask', question: 'How do I request assistance?' }],
    ['help', { kind: 'help' }],
    ['help poll results', { kind: 'help', topic: 'poll results' }],
    ['lang', { kind: 'lang' }],
    ['lang FR', { kind: 'lang', lang: 'fr' }],
    ['experts  water  sanitation ', { kind: 'experts', query: 'water  sanitation' }],
    ['topic propose Impact | How to measure it?', { kind: 'topic.propose', title: 'Impact', description: 'How to measure it?' }],
    ['topic propose Just a title', { kind: 'topic.propose', title: 'Just a title', description: '' }],
    ['topic queue', { kind: 'topic.queue' }],
    ['topic approve #12', { kind: 'topic.approve', id: 12 }],
    ['topic reject 7 Already discussed in March', { kind: 'topic.reject', id: 7, reason: 'Already discussed in March' }],
    ['topic schedule monday 09:00 Europe/Zurich', { kind: 'topic.schedule', weekday: 1, hour: 9, minute: 0, timeZone: 'Europe/Zurich', useStarters: false }],
    ['topic schedule monday 09:00 Europe/Zurich --starters', { kind: 'topic.schedule', weekday: 1, hour: 9, minute: 0, timeZone: 'Europe/Zurich', useStarters: true }],
    ['topic post-now', { kind: 'topic.post-now' }],
    ['topic close', { kind: 'topic.close' }],
    ['topic close #12', { kind: 'topic.close', id: 12 }],
    ['topic translate 12 FR Mesurer l’impact | Un an après ?', { kind: 'topic.translate', id: 12, lang: 'fr', title: 'Mesurer l’impact', description: 'Un an après ?' }],
    ['topic translate 12 es Impacto', { kind: 'topic.translate', id: 12, lang: 'es', title: 'Impacto', description: '' }],
    ['rules', { kind: 'rules' }],
    ['report https://forum.slack.com/archives/C0123/p1764000000123456', { kind: 'report', link: 'https://forum.slack.com/archives/C0123/p1764000000123456', reason: '' }],
    ['report <https://teams.microsoft.com/l/message/19%3Aabc/1764> shares a phone number', { kind: 'report', link: '<https://teams.microsoft.com/l/message/19%3Aabc/1764>', reason: 'shares a phone number' }],
    ['remove https://forum.slack.com/archives/C0123/p1764000000123456', { kind: 'remove', link: 'https://forum.slack.com/archives/C0123/p1764000000123456' }],
    ['poll "Q?" "Yes" "No"', { kind: 'poll.create', question: 'Q?', options: ['Yes', 'No'], anonymous: false, multi: false, rating: false, discussion: false }],
    ['poll "Q?" "Yes" "No" --discussion', { kind: 'poll.create', question: 'Q?', options: ['Yes', 'No'], anonymous: false, multi: false, rating: false, discussion: true }],
    ['poll template webinar', { kind: 'poll.template', name: 'webinar', discussion: false }],
    ['poll template Webinar --closes 2026-12-01T17:00Z --discussion', { kind: 'poll.template', name: 'webinar', discussion: true, closesAt: new Date('2026-12-01T17:00:00Z') }],
    ['poll results 3', { kind: 'poll.results', id: 3 }],
    ['poll close #4', { kind: 'poll.close', id: 4 }],
    ['poll export 5', { kind: 'poll.export', id: 5 }],
    ['stats', { kind: 'stats' }],
    ['my-data', { kind: 'my-data' }],
    ['forget-me', { kind: 'forget-me' }],
    ['invite <@U0ANA>', { kind: 'invite', user: 'U0ANA', mayPropose: false }],
    ['invite <@U0ANA|ana> --days 30', { kind: 'invite', user: 'U0ANA', days: 30, mayPropose: false }],
    [`invite --days ${INVITE_MAX_DAYS} <@29:1ana-teams> --propose`, { kind: 'invite', user: '29:1ana-teams', days: INVITE_MAX_DAYS, mayPropose: true }],
    ['invite U0ANA123', { kind: 'invite', user: 'U0ANA123', mayPropose: false }],
    ['guests', { kind: 'guests' }],
    ['revoke <@U0ANA|ana>', { kind: 'revoke', user: 'U0ANA' }],
  ])('%s', (text, expected) => {
    expect(command(text)).toEqual(expected);
  });

  it('covers every kind of the grammar', () => {
    const kinds = new Set(
      ['ask x', 'help', 'lang', 'experts x', 'topic propose x', 'topic queue', 'topic approve 1', 'topic reject 1 x',
        'topic schedule mon 9:00 UTC', 'topic post-now', 'topic close', 'poll "q" "a" "b"', 'poll results 1',
        'poll close 1', 'poll export 1', 'stats', 'unanswered', 'my-data', 'forget-me', 'invite <@U1>', 'rules', 'guests', 'revoke <@U1>',
        'report https://x.test/m', 'remove https://x.test/m', 'topic translate 1 fr x', 'poll template webinar'].map((t) => command(t).kind),
    );
    expect(kinds.size).toBe(HELP_TOPICS.length);
  });

  it('ignores case of keywords and surrounding white space', () => {
    expect(command('  STATS  ')).toEqual({ kind: 'stats' });
    // A command copied from a right-to-left help card carries its bidirectional isolates: not words.
    expect(command('\u2066poll results 3\u2069')).toEqual({ kind: 'poll.results', id: 3 });
    expect(command('\u200fstats')).toEqual({ kind: 'stats' });
    expect(command('Topic Queue')).toEqual({ kind: 'topic.queue' });
  });
});

describe('parseCommand: a command word followed by something wrong gets the usage, never an answer', () => {
  it.each<[string, UsageError]>([
    ['report not-a-link', { topic: 'report', reason: 'bad_link', detail: 'not-a-link' }],
    ['report on capacity building in Africa?', { topic: 'report', reason: 'bad_link', detail: 'on' }],
    ['remove barriers to assistance: what works?', { topic: 'remove', reason: 'bad_link', detail: 'barriers' }],
    ['help nonexistent', { topic: 'help', reason: 'unknown_command', detail: 'nonexistent' }],
    ['help me with my budget request', { topic: 'help', reason: 'unknown_command', detail: 'me with my budget request' }],
    ['aide   topic foo ', { topic: 'help', reason: 'unknown_command', detail: 'topic foo' }],
  ])('%j', (text, expected) => {
    expect(usage(text)).toEqual(expected);
  });

  it.each(LANGS)('says why in %s, naming the offending words', (lang) => {
    const reasons = messages(lang).usage.reasons;
    for (const reason of ['bad_link', 'unknown_command', 'stray_quote'] as const) {
      const sentence = reasons[reason]({ detail: 'xyzzy' });
      expect(sentence).toContain('xyzzy');
      if (lang !== 'en') expect(sentence).not.toBe(messages('en').usage.reasons[reason]({ detail: 'xyzzy' }));
    }
  });
});

describe('parseCommand: help, questions and the /forum prefix', () => {
  it.each(['', '   ', '/forum', '/forum   ', 'help', 'HELP', 'aide', 'ayuda', 'помощь', '帮助', 'مساعدة', '?'])(
    '%j asks for help',
    (text) => expect(command(text)).toEqual({ kind: 'help' }),
  );

  it('strips a /forum prefix', () => {
    expect(command('/forum lang es')).toEqual({ kind: 'lang', lang: 'es' });
    expect(command('/FORUM stats')).toEqual({ kind: 'stats' });
  });

  it('gives help on a command, normalising case and spaces', () => {
    expect(command('help  Topic   SCHEDULE ')).toEqual({ kind: 'help', topic: 'topic schedule' });
    expect(command('aide poll')).toEqual({ kind: 'help', topic: 'poll' });
    for (const topic of HELP_TOPICS) expect(command(`help ${topic}`)).toEqual({ kind: 'help', topic });
  });

  it.each([
    'How do I request technical assistance?',
    'Comment demander une assistance technique ?',
    '/forum what is the deadline?',
    'polling stations: who to contact?',
  ])('%j is a question, not a command', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });
});

describe('parseCommand: quotes', () => {
  it.each([
    ['straight', 'poll "Was it useful?" "Yes, very" "No"'],
    ['curly', 'poll “Was it useful?” “Yes, very” “No”'],
    ['guillemets', 'poll «Was it useful?» « Yes, very » «No»'],
    ['German low-high', 'poll „Was it useful?“ „Yes, very“ „No“'],
    ['mixed', 'poll "Was it useful?" “Yes, very” «No»'],
  ])('keeps %s quoted strings whole', (_name, text) => {
    expect(command(text)).toMatchObject({ question: 'Was it useful?', options: ['Yes, very', 'No'] });
  });

  it('turns non-breaking spaces inside quotes into spaces (French typography)', () => {
    expect(command('poll «\u00a0Utile\u00a0?\u00a0» «\u00a0Oui\u00a0» «\u00a0Non\u00a0»')).toMatchObject({
      question: 'Utile ?',
      options: ['Oui', 'Non'],
    });
  });

  it.each(['poll "Q', 'poll “Q', 'poll «Q', 'poll "Q" "a" "b'])('reports the unterminated quote in %j', (text) => {
    expect(usage(text)).toEqual({ topic: 'poll', reason: 'unterminated_quote', detail: '' });
  });

  it.each<[string, string]>([
    ['poll "Unclosed quote "A" "B"', 'A"'],
    ['poll "Q" A" "B"', 'A"'],
    ['poll "Q" "A"B "C"', 'B'],
    ['poll «Q» «A»» «B»', '»'],
  ])('refuses a quotation mark inside a word in %j, rather than making an option of it', (text, detail) => {
    expect(usage(text)).toEqual({ topic: 'poll', reason: 'stray_quote', detail });
  });

  it('reports an unterminated quote in invite', () => {
    expect(usage('invite "Ana Pérez')).toEqual({ topic: 'invite', reason: 'unterminated_quote', detail: '' });
  });
});

describe('parseCommand: polls', () => {
  it.each<[string, Partial<Command>]>([
    ['--anonymous', { anonymous: true, multi: false, rating: false }],
    ['--multi', { anonymous: false, multi: true, rating: false }],
    ['--anonymous --multi', { anonymous: true, multi: true, rating: false }],
    ['--MULTI --Anonymous', { anonymous: true, multi: true, rating: false }],
  ])('flags %s', (flags, expected) => {
    expect(command(`poll "Q" "a" "b" ${flags}`)).toMatchObject(expected);
  });

  it('accepts flags before, between and after the texts', () => {
    expect(command('poll --multi "Q" "a" --anonymous "b"')).toMatchObject({ question: 'Q', options: ['a', 'b'], multi: true, anonymous: true });
  });

  it('makes a rating poll without options, and refuses options with --rating', () => {
    expect(command('poll "How was it?" --rating --anonymous')).toEqual({
      kind: 'poll.create', question: 'How was it?', options: [], anonymous: true, multi: false, rating: true, discussion: false,
    });
    expect(usage('poll "How was it?" "good" --rating')).toEqual({ topic: 'poll', reason: 'options_with_rating', detail: '' });
  });

  it(`takes ${POLL_MIN_OPTIONS} to ${POLL_MAX_OPTIONS} options`, () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => `o${i + 1}`);
    expect(usage(`poll "Q" ${quoted(options(POLL_MIN_OPTIONS - 1))}`)).toEqual({ topic: 'poll', reason: 'too_few_options', detail: '' });
    expect(usage('poll "Q"')).toMatchObject({ reason: 'too_few_options' });
    expect(command(`poll "Q" ${quoted(options(POLL_MIN_OPTIONS))}`)).toMatchObject({ options: options(POLL_MIN_OPTIONS) });
    expect(command(`poll "Q" ${quoted(options(POLL_MAX_OPTIONS))}`)).toMatchObject({ options: options(POLL_MAX_OPTIONS) });
    expect(usage(`poll "Q" ${quoted(options(POLL_MAX_OPTIONS + 1))}`)).toEqual({ topic: 'poll', reason: 'too_many_options', detail: '' });
  });

  it('refuses an empty option and a missing question', () => {
    expect(usage('poll "Q" "" "b"')).toEqual({ topic: 'poll', reason: 'empty_option', detail: '' });
    expect(usage('poll «Q» «  » «b»')).toMatchObject({ reason: 'empty_option' });
    expect(usage('poll')).toEqual({ topic: 'poll', reason: 'missing_argument', detail: '' });
    expect(usage('poll --anonymous')).toEqual({ topic: 'poll', reason: 'missing_argument', detail: '' });
  });

  it('reads --closes with a zone', () => {
    expect(command('poll "Q" "a" "b" --closes 2026-12-01T17:00Z')).toMatchObject({ closesAt: new Date('2026-12-01T17:00:00Z') });
    expect(command('poll "Q" "a" "b" --closes 2026-12-01T17:00+01:00')).toMatchObject({ closesAt: new Date('2026-12-01T16:00:00Z') });
    expect(command('poll "Q" "a" "b" --closes 2026-12-01T17:00:30.250-0500')).toMatchObject({ closesAt: new Date('2026-12-01T22:00:30.250Z') });
    expect(command('poll "Q" "a" "b"')).not.toHaveProperty('closesAt');
    expect(command('poll "Q" "a" "b" --closes 2028-02-29T09:00Z')).toMatchObject({ closesAt: new Date('2028-02-29T09:00:00Z') });
  });

  it.each(['2026-12-01T17:00', '2026-12-01', 'tomorrow', '2026-13-01T10:00Z', '2026-12-01T25:00Z', '2026-02-30T10:00Z', '2026-04-31T10:00Z'])(
    'refuses --closes %s (no zone, or not a real date and time)',
    (value) => {
      expect(usage(`poll "Q" "a" "b" --closes ${value}`)).toEqual({ topic: 'poll', reason: 'bad_date', detail: value });
    },
  );

  it('refuses --closes without a value and an unknown option', () => {
    expect(usage('poll "Q" "a" "b" --closes')).toEqual({ topic: 'poll', reason: 'missing_argument', detail: '' });
    expect(usage('poll "Q" "a" "b" --secret')).toEqual({ topic: 'poll', reason: 'unknown_option', detail: '--secret' });
  });

  it('checks the id of results, close and export', () => {
    expect(usage('poll results')).toEqual({ topic: 'poll results', reason: 'missing_argument', detail: '' });
    expect(usage('poll close abc')).toEqual({ topic: 'poll close', reason: 'bad_id', detail: 'abc' });
    expect(usage('poll export 0')).toEqual({ topic: 'poll export', reason: 'bad_id', detail: '0' });
    expect(usage('poll results 3 4')).toEqual({ topic: 'poll results', reason: 'unexpected_argument', detail: '4' });
  });
});

describe('parseCommand: topic schedule', () => {
  it.each<[string, number]>([
    ['monday', 1], ['Mon', 1], ['lundi', 1], ['lunes', 1],
    ['tuesday', 2], ['mardi', 2], ['martes', 2],
    ['wednesday', 3], ['mercredi', 3], ['miércoles', 3], ['miercoles', 3],
    ['thursday', 4], ['jeudi', 4], ['jueves', 4],
    ['friday', 5], ['vendredi', 5], ['viernes', 5],
    ['saturday', 6], ['samedi', 6], ['sábado', 6], ['sabado', 6],
    ['SUNDAY', 7], ['dimanche', 7], ['domingo', 7],
  ])('reads the weekday %s', (word, weekday) => {
    expect(command(`topic schedule ${word} 14:30 Europe/Madrid`)).toMatchObject({ weekday, hour: 14, minute: 30 });
  });

  it('reads 9:05, 9h05 and 23:59, and the UTC zone', () => {
    expect(command('topic schedule fri 9:05 UTC')).toEqual({ kind: 'topic.schedule', weekday: 5, hour: 9, minute: 5, timeZone: 'UTC', useStarters: false });
    expect(command('topic schedule vendredi 9h05 America/Argentina/Buenos_Aires')).toMatchObject({ hour: 9, minute: 5 });
    expect(command('topic schedule sun 23:59 Asia/Tokyo')).toMatchObject({ hour: 23, minute: 59 });
  });

  it.each<[string, UsageReason, string]>([
    ['topic schedule', 'missing_argument', ''],
    ['topic schedule monday 09:00', 'missing_argument', ''],
    ['topic schedule someday 09:00 UTC', 'bad_weekday', 'someday'],
    ['topic schedule monday 24:00 UTC', 'bad_time', '24:00'],
    ['topic schedule monday 9:5 UTC', 'bad_time', '9:5'],
    ['topic schedule monday noon UTC', 'bad_time', 'noon'],
    ['topic schedule monday 09:00 Mars/Olympus', 'bad_time_zone', 'Mars/Olympus'],
    ['topic schedule monday 09:00 EST', 'bad_time_zone', 'EST'],
    ['topic schedule monday 09:00 +01:00', 'bad_time_zone', '+01:00'],
    ['topic schedule monday 09:00 UTC weekly', 'unexpected_argument', 'weekly'],
    ['topic schedule monday 09:00 UTC --daily', 'unknown_option', '--daily'],
    ['topic schedule monday 09:00 UTC --starters now', 'unexpected_argument', 'now'],
  ])('%j → %s', (text, reason, detail) => {
    expect(usage(text)).toEqual({ topic: 'topic schedule', reason, detail });
  });
});

describe('parseCommand: every usage reason', () => {
  const cases: [string, UsageError][] = [
    ['ask', { topic: 'ask', reason: 'missing_argument', detail: '' }],
    ['experts   ', { topic: 'experts', reason: 'missing_argument', detail: '' }],
    ['lang de', { topic: 'lang', reason: 'bad_lang', detail: 'de' }],
    ['lang fr please', { topic: 'lang', reason: 'unexpected_argument', detail: 'please' }],
    ['topic', { topic: 'topic propose', reason: 'missing_argument', detail: '' }],
    ['topic dance', { topic: 'topic propose', reason: 'unknown_subcommand', detail: 'dance' }],
    ['topic propose | only a description', { topic: 'topic propose', reason: 'missing_argument', detail: '' }],
    ['topic queue now', { topic: 'topic queue', reason: 'unexpected_argument', detail: 'now' }],
    ['topic approve', { topic: 'topic approve', reason: 'missing_argument', detail: '' }],
    ['topic approve twelve', { topic: 'topic approve', reason: 'bad_id', detail: 'twelve' }],
    ['topic approve 1234567890', { topic: 'topic approve', reason: 'bad_id', detail: '1234567890' }],
    ['topic approve 12 13', { topic: 'topic approve', reason: 'unexpected_argument', detail: '13' }],
    ['topic reject 12', { topic: 'topic reject', reason: 'missing_argument', detail: '' }],
    ['topic reject x because', { topic: 'topic reject', reason: 'bad_id', detail: 'x' }],
    ['topic post-now please', { topic: 'topic post-now', reason: 'unexpected_argument', detail: 'please' }],
    ['topic close 3 4', { topic: 'topic close', reason: 'unexpected_argument', detail: '4' }],
    ['topic close three', { topic: 'topic close', reason: 'bad_id', detail: 'three' }],
    ['topic translate 12', { topic: 'topic translate', reason: 'missing_argument', detail: '' }],
    ['topic translate 12 de Titel', { topic: 'topic translate', reason: 'bad_lang', detail: 'de' }],
    ['topic translate 12 fr', { topic: 'topic translate', reason: 'missing_argument', detail: '' }],
    ['topic translate 12 fr | only a description', { topic: 'topic translate', reason: 'missing_argument', detail: '' }],
    ['poll template', { topic: 'poll template', reason: 'missing_argument', detail: '' }],
    ['poll template webinar --anonymous', { topic: 'poll template', reason: 'unknown_option', detail: '--anonymous' }],
    ['poll template webinar extra', { topic: 'poll template', reason: 'unexpected_argument', detail: 'extra' }],
    ['poll template webinar --closes soon', { topic: 'poll template', reason: 'bad_date', detail: 'soon' }],
    ['rules please', { topic: 'rules', reason: 'unexpected_argument', detail: 'please' }],
    ['report', { topic: 'report', reason: 'missing_argument', detail: '' }],
    ['remove', { topic: 'remove', reason: 'missing_argument', detail: '' }],
    ['remove https://x.test/m now', { topic: 'remove', reason: 'unexpected_argument', detail: 'now' }],
    ['stats 2025', { topic: 'stats', reason: 'unexpected_argument', detail: '2025' }],
    ['my-data all', { topic: 'my-data', reason: 'unexpected_argument', detail: 'all' }],
    ['forget-me now', { topic: 'forget-me', reason: 'unexpected_argument', detail: 'now' }],
    ['invite', { topic: 'invite', reason: 'missing_argument', detail: '' }],
    ['invite <@U0ANA> --days', { topic: 'invite', reason: 'missing_argument', detail: '' }],
    ['invite <@U0ANA> --days 0', { topic: 'invite', reason: 'bad_days', detail: '0' }],
    [`invite <@U0ANA> --days ${INVITE_MAX_DAYS + 1}`, { topic: 'invite', reason: 'bad_days', detail: String(INVITE_MAX_DAYS + 1) }],
    ['invite <@U0ANA> --days ten', { topic: 'invite', reason: 'bad_days', detail: 'ten' }],
    ['invite <@U0ANA> --weeks 2', { topic: 'invite', reason: 'unknown_option', detail: '--weeks' }],
    ['invite <@U0ANA> <@U0BOB>', { topic: 'invite', reason: 'unexpected_argument', detail: '<@U0BOB>' }],
    ['invite @ana', { topic: 'invite', reason: 'bad_user', detail: '@ana' }],
    ['invite ana@partner.org', { topic: 'invite', reason: 'bad_user', detail: 'ana@partner.org' }],
    ['revoke', { topic: 'revoke', reason: 'missing_argument', detail: '' }],
    ['revoke <@U0ANA> now', { topic: 'revoke', reason: 'unexpected_argument', detail: 'now' }],
    ['guests all', { topic: 'guests', reason: 'unexpected_argument', detail: 'all' }],
  ];

  it.each(cases)('%j', (text, expected) => {
    expect(usage(text)).toEqual(expected);
  });

  it('reaches every reason of the catalog', () => {
    const reached = new Set<string>(cases.map(([, e]) => e.reason));
    for (const extra of ['poll "Q', 'poll "Q" "a"', 'poll "Q" "" "b"', 'poll "Q" "a" --rating', 'poll "Q" "a" "b" --closes x',
      `poll "Q" ${quoted(Array.from({ length: 11 }, (_, i) => `o${i}`))}`, 'topic schedule x 9:00 UTC',
      'topic schedule mon 9 UTC', 'topic schedule mon 9:00 Nowhere', 'poll "Q" "a" "b" --x', 'poll "Q "a" "b"', 'help nonexistent', 'report x']) {
      reached.add(usage(extra).reason);
    }
    expect([...reached].sort()).toEqual(Object.keys(messages('en').usage.reasons).sort());
  });
});

describe('the examples the bot shows', () => {
  it.each(Object.entries(COMMAND_EXAMPLES) as [HelpTopic, string][])('the example of %s parses as that command', (topic, example) => {
    // A person typed as @someone reaches the bot as the platform's mention, `<@id>`.
    expect(commandTopic(command(example.replace(/@someone\b/g, '<@U0SOMEONE>')))).toBe(topic);
  });

  it.each(LANGS)('the time zone suggested in %s is one the parser accepts', (lang) => {
    const sentence = messages(lang).usage.reasons.bad_time_zone({ detail: 'x' });
    const zone = /[A-Z][a-z]+\/[A-Za-z_]+/.exec(sentence)?.[0];
    expect(zone).toBeDefined();
    expect(command(`topic schedule mon 9:00 ${zone}`)).toMatchObject({ timeZone: zone });
  });
});
