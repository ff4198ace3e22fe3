/**
 * `ta-forum inbox`, `inbox retry`, `inbox drop`: the operator's view of the durable inbox (see
 * src/store/inbox.ts). Rows parked after their last attempt (or a lasting failure) are listed with
 * the reason and a short description of what they were; a retry puts one back to pending, for the
 * worker of a running bot (or of the next start, on the embedded store) to take; a drop deletes it.
 */
import { ForumError } from '../core/errors.ts';
import { audit } from '../store/topics.ts';
import { dropParkedInbox, inboxCounts, inboxRowStatus, parkedInbox, retryParkedInbox, type ParkedInboxRow } from '../store/inbox.ts';
import type { Store } from '../store/index.ts';
import type { CliIo } from './io.ts';
import { operator, withStore, write, type StoreOptions } from './with-store.ts';

/** Parked rows listed at most; the counts say how many there are in all. */
const LIST_LIMIT = 50;
const TEXT_MAX_CHARS = 60;
const REASON_MAX_CHARS = 300;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Who it came from, when the payload says. */
function from(actor: unknown): string {
  const userId = record(actor)?.userId;
  return typeof userId === 'string' ? ` from ${userId}` : '';
}

/**
 * What a row was, in a few words, from its payload: for Slack's work (adapters/slack/inbox.ts) the
 * event's type, who sent it and the start of its text; any other shape is named, never trusted.
 */
export function describeInboxPayload(payload: unknown): string {
  const work = record(payload);
  switch (work?.kind) {
    case 'dispatch': {
      const event = record(work.event);
      const type = typeof event?.type === 'string' ? event.type : 'event';
      const text = typeof event?.text === 'string' && event.text.trim() ? `: "${oneLine(event.text, TEXT_MAX_CHARS)}"` : '';
      return `${type}${from(event?.actor)}${text}`;
    }
    case 'home':
      return `App Home opened${from(work.actor)}`;
    case 'report':
      return `report to moderators (message shortcut)${from(record(work.shortcut)?.actor)}`;
    default:
      return typeof work?.kind === 'string' ? `unknown work "${oneLine(work.kind, 30)}"` : 'unknown payload';
  }
}

function parkedJson(row: ParkedInboxRow): Record<string, unknown> {
  return {
    id: row.id,
    platform: row.platform,
    eventKey: row.eventKey,
    arrivedAt: row.createdAt.toISOString(),
    parkedAt: row.parkedAt?.toISOString() ?? null,
    attempts: row.attempts,
    reason: row.lastError,
    what: describeInboxPayload(row.payload),
  };
}

function minute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export async function runInboxList(io: CliIo, options: StoreOptions & { json?: boolean }): Promise<void> {
  await withStore(io, options, async (store) => {
    const all = await inboxCounts(store.db);
    const counts = { pending: all.pending ?? 0, done: all.done ?? 0, parked: all.parked ?? 0 };
    const parked = await parkedInbox(store.db, LIST_LIMIT);
    if (options.json) {
      write(io, JSON.stringify({ counts, parked: parked.map(parkedJson) }));
      return;
    }
    write(io, `Inbox: ${counts.pending} pending, ${counts.done} done, ${counts.parked} parked.`);
    if (parked.length === 0) {
      write(io, 'No parked requests: nothing waits for an operator.');
      return;
    }
    const shown = parked.length < counts.parked ? `the latest ${parked.length} of ${counts.parked}` : 'latest first';
    write(io, `Parked requests (${shown}); retry with: ta-forum inbox retry <id> (or --all), delete with: ta-forum inbox drop <id>`);
    for (const row of parked) {
      write(io, '');
      const when = row.parkedAt ? `, parked ${minute(row.parkedAt)}` : '';
      write(io, `#${row.id}  ${row.platform}  arrived ${minute(row.createdAt)}${when}  ${row.attempts} attempt${row.attempts === 1 ? '' : 's'}`);
      write(io, `  what:   ${describeInboxPayload(row.payload)}`);
      write(io, `  reason: ${row.lastError ? oneLine(row.lastError, REASON_MAX_CHARS) : '(none recorded)'}`);
    }
  });
}

/** Why a row named by id was left as it is, as the error the host prints. */
async function notParked(store: Store, id: string): Promise<ForumError> {
  const status = await inboxRowStatus(store.db, id);
  if (status === undefined) return new ForumError('not_found', `There is no inbox row "${id}" (ta-forum inbox lists the parked ones).`);
  return new ForumError('conflict', `Inbox row ${id} is ${status}, not parked: only parked rows can be retried or dropped.`);
}

export async function runInboxRetry(io: CliIo, id: string | undefined, options: StoreOptions & { all?: boolean }): Promise<void> {
  if ((id === undefined) === !options.all) throw new ForumError('config_invalid', 'inbox retry needs an inbox row id, or --all (not both).');
  await withStore(io, options, async (store) => {
    const now = new Date();
    const ids = await retryParkedInbox(store.db, id === undefined ? { all: true } : { id }, now);
    if (id !== undefined && ids.length === 0) throw await notParked(store, id);
    if (ids.length > 0) await audit(store.db, operator(), 'inbox.retry', id === undefined ? 'inbox' : `inbox:${id}`, { ids }, now);
    if (ids.length === 0) write(io, 'No parked requests to retry.');
    else write(io, `${ids.length === 1 ? `Inbox row ${ids[0]} is` : `${ids.length} inbox rows (${ids.join(', ')}) are`} pending again: the bot's worker runs ${ids.length === 1 ? 'it' : 'them'} (on the embedded database, at its next start).`);
  });
}

export async function runInboxDrop(io: CliIo, id: string, options: StoreOptions): Promise<void> {
  await withStore(io, options, async (store) => {
    if (!(await dropParkedInbox(store.db, id))) throw await notParked(store, id);
    await audit(store.db, operator(), 'inbox.drop', `inbox:${id}`, {}, new Date());
    write(io, `Inbox row ${id} deleted.`);
  });
}
