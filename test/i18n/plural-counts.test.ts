/**
 * Every count the bot writes follows the reader's plural rules (`Intl.PluralRules`), in all six
 * languages. Each message of the catalogues that takes a count is rendered with counts of every
 * plural category of its language: two counts of one category must read alike but for the number
 * (a hand-made "count === 1" fails in Russian at 21, in French at 0, in Arabic at 2…), and in
 * English, French and Spanish a count of category `one` is not followed by a plural noun ("1
 * times", "1 passages"). The list of count messages is checked against the catalogue's types, so a
 * new count message cannot be left out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS, messages, type Catalog, type Lang } from '../../src/i18n/index.ts';
import { dashboardMessages, dashboardText, type DashboardKey } from '../../src/i18n/dashboard/index.ts';

/** Counts that meet every category the six languages use for whole numbers. */
const COUNTS = [0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 14, 20, 21, 22, 25, 100, 101, 102, 103, 111, 1000];

/** Each catalogue message that takes a count: the count's name, and the message with that count. */
const COUNT_MESSAGES: Record<string, [string, (m: Catalog, n: number) => string]> = {
  'ask.unansweredTimes': ['count', (m, n) => m.ask.unansweredTimes({ count: n, date: 'DATE' })],
  'experts.more': ['count', (m, n) => m.experts.more({ count: n })],
  'topics.approved': ['position', (m, n) => m.topics.approved({ id: 'ID', position: n })],
  'topics.postedNow': ['channels', (m, n) => m.topics.postedNow({ id: 'ID', channels: n })],
  'topics.closed.replies': ['replies', (m, n) => m.topics.closed({ id: 'ID', title: 'T', participants: 7, replies: n, threads: 7 })],
  'topics.closed.participants': ['participants', (m, n) => m.topics.closed({ id: 'ID', title: 'T', participants: n, replies: 7, threads: 7 })],
  'topics.closed.threads': ['threads', (m, n) => m.topics.closed({ id: 'ID', title: 'T', participants: 7, replies: 7, threads: n })],
  'topics.closedEmpty': ['threads', (m, n) => m.topics.closedEmpty({ id: 'ID', title: 'T', threads: n })],
  'topics.summaryCounts.replies': ['replies', (m, n) => m.topics.summaryCounts({ participants: 7, replies: n })],
  'topics.summaryCounts.participants': ['participants', (m, n) => m.topics.summaryCounts({ participants: n, replies: 7 })],
  'stats.title': ['weeks', (m, n) => m.stats.title({ weeks: n })],
  'stats.week.active': ['active', (m, n) => m.stats.week({ week: 'W', active: n, questions: 7, share: 'S' })],
  'stats.week.questions': ['questions', (m, n) => m.stats.week({ week: 'W', active: 7, questions: n, share: 'S' })],
  'stats.workspace.active': ['active', (m, n) => m.stats.workspace({ name: 'N', active: n, questions: 7, share: 'S' })],
  'stats.workspace.questions': ['questions', (m, n) => m.stats.workspace({ name: 'N', active: 7, questions: n, share: 'S' })],
  'stats.topic.replies': ['replies', (m, n) => m.stats.topic({ id: 'ID', title: 'T', replies: n, participants: 7 })],
  'stats.topic.participants': ['participants', (m, n) => m.stats.topic({ id: 'ID', title: 'T', replies: 7, participants: n })],
  'stats.poll': ['voters', (m, n) => m.stats.poll({ id: 'ID', question: 'Q', voters: n, open: false })],
  'stats.pollRate': ['members', (m, n) => m.stats.pollRate({ members: n, rate: 'R' })],
  'stats.unansweredItem': ['times', (m, n) => m.stats.unansweredItem({ question: 'Q', times: n })],
  'polls.voters': ['count', (m, n) => m.polls.voters({ count: n })],
  'polls.created': ['channels', (m, n) => m.polls.created({ id: 'ID', channels: n })],
  'polls.closedCreator': ['voters', (m, n) => m.polls.closedCreator({ id: 'ID', question: 'Q', voters: n })],
  'polls.responseRate.voters': ['voters', (m, n) => m.polls.responseRate({ voters: n, members: 7, rate: 'R' })],
  'polls.responseRate.members': ['members', (m, n) => m.polls.responseRate({ voters: 7, members: n, rate: 'R' })],
  'polls.responseRateUnknown': ['voters', (m, n) => m.polls.responseRateUnknown({ voters: n })],
  'polls.templatePosted': ['count', (m, n) => m.polls.templatePosted({ count: n })],
  'membership.requestSent': ['days', (m, n) => m.membership.requestSent({ name: 'N', days: n })],
  'membership.newRequest': ['days', (m, n) => m.membership.newRequest({ id: 98765, requester: 'R', name: 'N', days: n })],
};

/** The dashboard's messages with a count, and the count's mark. */
const DASHBOARD_COUNTS: [DashboardKey, string, Record<string, string>][] = [
  ['documentsCount', 'n', {}],
  ['passagesCount', 'n', {}],
  ['uploadAdded', 'n', { title: 'T' }],
  ['uploadUpdated', 'n', { title: 'T' }],
  ['documentsShown', 'n', { shown: 'S' }],
  ['requestLine', 'n', { name: 'N', platform: 'P', requester: 'R', date: 'D' }],
  ['fieldTooFewOptions', 'n', {}],
  ['fieldTooManyOptions', 'n', {}],
];

/** The text with the count `n` (as a whole number, however written) replaced by `#`. */
function withoutCount(text: string, n: number, lang: Lang): string {
  const written = new Set([String(n), new Intl.NumberFormat(lang).format(n), new Intl.NumberFormat(lang, { useGrouping: false }).format(n)]);
  let out = text;
  for (const w of written) out = out.replace(new RegExp(`(?<!\\d|\\d[.,])${w.replace(/[.,\u00a0\u202f]/g, '\\$&')}(?!\\d|[.,]\\d)`, 'g'), '#');
  return out;
}

/** Languages whose plural nouns end in -s or -x, where "1 …s" is a count left unpluralised. */
const S_PLURALS: Lang[] = ['en', 'fr', 'es'];
/** Words after a count of one that end in s or x and are no plural noun all the same. */
const SINGULAR_S = new Set(['fois', 'choix', 'vez', 'mes', 'dans', 'sous', 'is', 'was', 'has', 'as', 'plus', 'más']);

/** Words that follow a count unchanged: "из" (of) in Russian, "من" (of) in Arabic. */
const INVARIANT_AFTER = new Set(['из', 'من']);

function checkCounts(lang: Lang, name: string, render: (n: number) => string): string[] {
  const rules = new Intl.PluralRules(lang);
  const problems: string[] = [];
  const byCategory = new Map<string, { n: number; text: string }>();
  for (const n of COUNTS) {
    const category = rules.select(n);
    const text = withoutCount(render(n), n, lang);
    const first = byCategory.get(category);
    if (!first) byCategory.set(category, { n, text });
    else if (first.text !== text) problems.push(`${lang} ${name}: ${first.n} and ${n} are both "${category}" but read\n  ${render(first.n)}\n  ${render(n)}`);
    if (category === 'one' && S_PLURALS.includes(lang)) {
      const after = new RegExp(`(?<![\\d.,])${n}\\s+(\\p{L}+)`, 'u').exec(render(n))?.[1];
      if (after && /[sx]$/.test(after) && !SINGULAR_S.has(after.toLowerCase())) problems.push(`${lang} ${name}: "${n} ${after}"`);
    }
  }
  // Arabic and Russian nouns change after a count by its category: a count written before a word
  // must not read the same for 1 as for 5 or 11 (a label form, "Ответов — 5", has none after it).
  if (lang === 'ar' || lang === 'ru') {
    const one = render(1);
    const after = new RegExp(`(?<![\\d.,])1\\s+(\\p{L}+)`, 'u').exec(one)?.[1];
    const alike = [2, 5, 11, 100].every((n) => withoutCount(render(n), n, lang) === withoutCount(one, 1, lang));
    if (after && !INVARIANT_AFTER.has(after) && alike) problems.push(`${lang} ${name}: 1, 2, 5, 11 and 100 read alike: ${one}`);
  }
  return problems;
}

describe('counts follow Intl.PluralRules in all six languages', () => {
  it('the bot’s catalogue', () => {
    const problems = LANGS.flatMap((lang) => Object.entries(COUNT_MESSAGES).flatMap(([name, [, render]]) => checkCounts(lang, name, (n) => render(messages(lang), n))));
    expect(problems).toEqual([]);
  });

  it('lists every count the catalogue’s types declare', () => {
    const declared: string[] = [];
    for (const file of ['types.ts', 'types-topics.ts', 'types-polls.ts', 'types-membership.ts']) {
      const source = readFileSync(new URL(`../../src/i18n/catalog/${file}`, import.meta.url), 'utf8');
      for (const match of source.matchAll(/^\s*(\w+): \(p: \{([^}]*)\}\)/gm)) {
        for (const field of (match[2] ?? '').matchAll(/(\w+): number/g)) if (field[1] !== 'id') declared.push(`${match[1]}:${field[1]}`);
      }
    }
    const listed = new Set(Object.entries(COUNT_MESSAGES).map(([name, [count]]) => `${name.split('.')[1]}:${count}`));
    expect(declared.filter((d) => !listed.has(d))).toEqual([]);
  });

  it('the dashboard’s words: counts in plural forms, other marks never beside a noun', () => {
    const problems = LANGS.flatMap((lang) =>
      DASHBOARD_COUNTS.flatMap(([key, mark, values]) => checkCounts(lang, key, (n) => dashboardText(lang, key, { ...values, [mark]: n }))),
    );
    expect(problems).toEqual([]);
    // A plural message gives each category its language uses for whole numbers.
    for (const lang of LANGS) {
      const used = new Set(COUNTS.map((n) => new Intl.PluralRules(lang).select(n)));
      for (const [key] of DASHBOARD_COUNTS) {
        const forms = dashboardMessages(lang)[key];
        expect(typeof forms, `${lang} ${key}`).toBe('object');
        for (const category of used) expect(forms, `${lang} ${key} ${category}`).toHaveProperty(category);
      }
      // Any other message with a count's mark shows it as a figure after a colon ("Replies: 3").
      for (const [key, text] of Object.entries(dashboardMessages(lang))) {
        if (typeof text !== 'string') continue;
        for (const mark of text.matchAll(/\{(count|n|days|total|min|max)\}/g)) {
          expect(text.slice(0, mark.index).trimEnd(), `${lang} ${key}`).toMatch(/[:：]$/);
        }
      }
    }
  });
});
