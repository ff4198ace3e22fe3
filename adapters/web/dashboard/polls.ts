/**
 * Polls on the dashboard: the latest polls with their answer counts, one poll's live tally (the
 * page redraws its chart every few seconds), the answers as CSV (as `poll export` makes them), and
 * creating or closing a poll as the moderator's `poll …` commands, so the core checks, posts,
 * audits and refreshes the polls' messages.
 */
import express from 'express';
import { z } from 'zod';
import { parsePollParts, POLL_MAX_OPTIONS, POLL_MIN_OPTIONS } from '../../../src/core/commands.ts';
import { CSV_BOM, CSV_MIME, csvLine, pollCsvFileName } from '../../../src/features/polls/results.ts';
import type { App } from '../../../src/main.ts';
import { latestPollBy, latestPolls } from '../../../src/store/dashboard-reads.ts';
import { findPoll, pollVotes, tallyPoll, type Poll } from '../../../src/store/polls.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/store/schema.ts';
import { actorRef, dispatchCommand, eventIdField, quoteForCommand, readBody, readId, refuse, refuseField, type FieldError } from './context.ts';

const TEXT_MAX_CHARS = 500;

const createBody = z.object({
  eventId: eventIdField,
  question: z.string().trim().min(1).max(TEXT_MAX_CHARS),
  options: z.array(z.string().trim().max(TEXT_MAX_CHARS)).max(POLL_MAX_OPTIONS + 5).default([]),
  kind: z.enum(['single', 'multi', 'rating']).default('single'),
  anonymous: z.boolean().default(false),
  /** An ISO 8601 instant with its zone (the page sends UTC). */
  closesAt: z.iso.datetime({ offset: true }).optional(),
});
const closeBody = z.object({ eventId: eventIdField });

/** The CSV of a poll's answers, as `poll export` makes it: a row per vote, or counts only when anonymous. */
export async function pollCsvText(db: Kysely<Database>, poll: Poll): Promise<string> {
  if (poll.anonymous) {
    const tally = await tallyPoll(db, poll);
    return [csvLine(['option', 'votes']), ...poll.options.map((label, i) => csvLine([label, String(tally.counts[i] ?? 0)]))].join('\n');
  }
  const votes = await pollVotes(db, poll);
  return [csvLine(['voter', 'option', 'voted_at']), ...votes.map((v) => csvLine([v.voter, poll.options[v.option] ?? String(v.option), v.voted_at.toISOString()]))].join('\n');
}

/** Texts the command cannot carry: one that looks like an option of the command, or holds every pair of quotation marks. */
function unquotable(text: string): boolean {
  return text.startsWith('--') || quoteForCommand(text) === undefined;
}

/**
 * The field of the poll form to fix, by the grammar's own rules (`parsePollParts`, as a typed
 * `poll` command is checked) and the handler's (a closing time to come); undefined when the poll can go out.
 */
export function pollFormError(body: z.infer<typeof createBody>, now: Date): FieldError | undefined {
  const options = body.kind === 'rating' ? [] : body.options.filter((o) => o.length > 0);
  if (unquotable(body.question)) return { field: 'question', key: 'fieldQuotes' };
  if (options.some(unquotable)) return { field: 'options', key: 'fieldQuotes' };
  const parsed = parsePollParts({ question: body.question, options, anonymous: body.anonymous, multi: body.kind === 'multi', rating: body.kind === 'rating', closes: body.closesAt });
  if (!parsed.ok) {
    switch (parsed.error.reason) {
      case 'too_few_options':
      case 'empty_option':
      case 'options_with_rating':
        return { field: 'options', key: 'fieldTooFewOptions', values: { n: POLL_MIN_OPTIONS } };
      case 'too_many_options':
        return { field: 'options', key: 'fieldTooManyOptions', values: { n: POLL_MAX_OPTIONS } };
      case 'bad_date':
        return { field: 'closes', key: 'fieldClosesBad' };
      default:
        return { field: 'question', key: 'fieldQuestion' };
    }
  }
  if (body.closesAt && new Date(body.closesAt).getTime() <= now.getTime()) return { field: 'closes', key: 'fieldClosesPast' };
  return undefined;
}

/** The `poll` command for a poll made on the dashboard, posted to every discussion channel; undefined when a text cannot be quoted. */
export function pollCommandText(body: z.infer<typeof createBody>): string | undefined {
  const texts = [body.question, ...(body.kind === 'rating' ? [] : body.options.filter((o) => o.length > 0))];
  // A quoted text that looks like an option of the command would be read as one.
  if (texts.some((t) => t.startsWith('--'))) return undefined;
  const quoted = texts.map(quoteForCommand);
  if (quoted.some((q) => q === undefined)) return undefined;
  const flags = [
    '--discussion',
    ...(body.anonymous ? ['--anonymous'] : []),
    ...(body.kind === 'multi' ? ['--multi'] : body.kind === 'rating' ? ['--rating'] : []),
    ...(body.closesAt ? ['--closes', new Date(body.closesAt).toISOString()] : []),
  ];
  return ['poll', ...(quoted as string[]), ...flags].join(' ');
}

export function pollRoutes(app: App): express.Router {
  const router = express.Router();
  const { db } = app.services.store;

  router.get('/', async (_req, res) => {
    const polls = await latestPolls(db);
    res.json({
      polls: polls.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), closesAt: p.closesAt?.toISOString() ?? null })),
      discussionChannels: app.services.config.discussionChannels.length,
    });
  });

  router.post('/', async (req, res) => {
    const body = readBody(req, res, createBody);
    if (!body) return;
    const invalid = pollFormError(body, app.services.now());
    if (invalid) return refuseField(res, invalid);
    const text = pollCommandText(body);
    if (!text) return refuse(res, 400, 'badRequest');
    const before = await latestPollBy(db, actorRef(res));
    const dispatched = await dispatchCommand(app, res, text, body.eventId);
    const after = await latestPollBy(db, actorRef(res));
    res.json({ ...dispatched, pollId: after !== before ? (after ?? null) : null });
  });

  router.get('/:id', async (req, res) => {
    const id = readId(req, res);
    if (!id) return;
    const poll = await findPoll(db, id);
    if (!poll) return refuse(res, 404, 'notFound');
    const tally = await tallyPoll(db, poll);
    res.set('cache-control', 'no-store');
    res.json({
      id: String(poll.id),
      question: poll.question,
      options: poll.options,
      kind: poll.kind,
      anonymous: poll.anonymous,
      status: poll.status,
      closesAt: poll.closes_at?.toISOString() ?? null,
      counts: tally.counts,
      voters: tally.voters,
    });
  });

  router.get('/:id/csv', async (req, res) => {
    const id = readId(req, res);
    if (!id) return;
    const poll = await findPoll(db, id);
    if (!poll) return refuse(res, 404, 'notFound');
    const csv = await pollCsvText(db, poll);
    res.set('content-type', `${CSV_MIME}; charset=utf-8`);
    res.set('content-disposition', `attachment; filename="${pollCsvFileName(String(poll.id))}"`);
    res.set('cache-control', 'no-store');
    res.send(`${CSV_BOM}${csv}`);
  });

  router.post('/:id/close', async (req, res) => {
    const id = readId(req, res);
    const body = id && readBody(req, res, closeBody);
    if (!id || !body) return;
    res.json(await dispatchCommand(app, res, `poll close ${id}`, body.eventId));
  });

  return router;
}
