/**
 * `poll results <id>`: counts, shares and the response rate (voters / members of the channels the
 * poll was posted to, where the platform can list them). `poll export <id>`: the answers as CSV —
 * one row per vote for a named poll, counts only for an anonymous one — as a file where the
 * platform can send one (`Adapter.sendFile`), else in a code block.
 */
import type { OutgoingFile } from '../../core/adapter.ts';
import type { Block } from '../../core/card.ts';
import type { HandlerContext } from '../../core/context.ts';
import { isForumError } from '../../core/errors.ts';
import { messages } from '../../i18n/index.ts';
import { pollVotes, tallyPoll, type Poll } from '../../store/polls.ts';
import { pollAudience } from './audience.ts';
import { managedPoll } from './manage.ts';
import { formatDeadline, percent, ratingAverage, resultLines } from './poll-card.ts';

export async function handlePollResults(ctx: HandlerContext, id: string): Promise<void> {
  const poll = await managedPoll(ctx, id);
  if (!poll) return;
  const m = messages(ctx.lang).polls;
  const tally = await tallyPoll(ctx.services.store.db, poll);
  const members = await pollAudience(ctx.services, poll);
  const average = poll.kind === 'rating' ? ratingAverage(tally) : undefined;
  const blocks: Block[] = [
    { type: 'header', text: m.resultsTitle({ id: poll.id }) },
    { type: 'text', text: poll.question },
    { type: 'list', items: resultLines(poll, tally, ctx.lang) },
    {
      type: 'text',
      text:
        members && members.size > 0
          ? m.responseRate({ voters: tally.voters, members: members.size, rate: percent(tally.voters, members.size, ctx.lang) })
          : m.responseRateUnknown({ voters: tally.voters }),
    },
  ];
  const status =
    poll.status === 'closed' ? m.closedNote : poll.closes_at ? m.closesAt({ date: formatDeadline(poll.closes_at, ctx.lang) }) : m.openNote;
  blocks.push({
    type: 'context',
    text: [status, ...(average !== undefined ? [m.average({ value: new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: 1 }).format(average) })] : [])].join(' · '),
  });
  await ctx.replyPrivately({ lang: ctx.lang, blocks });
}

/** A CSV field (RFC 4180), with a leading quote on text a spreadsheet would read as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: string[]): string {
  return fields.map(csvField).join(',');
}

/** The CSV of a poll's answers. */
export async function pollCsv(ctx: HandlerContext, poll: Poll): Promise<string> {
  const { db } = ctx.services.store;
  if (poll.anonymous) {
    const tally = await tallyPoll(db, poll);
    return [csvLine(['option', 'votes']), ...poll.options.map((label, i) => csvLine([label, String(tally.counts[i] ?? 0)]))].join('\n');
  }
  const votes = await pollVotes(db, poll);
  return [csvLine(['voter', 'option', 'voted_at']), ...votes.map((v) => csvLine([v.voter, poll.options[v.option] ?? String(v.option), v.voted_at.toISOString()]))].join('\n');
}

/** Put before a CSV file's first byte, so spreadsheet programs read it as UTF-8 (accents, non-Latin scripts). */
export const CSV_BOM = '\uFEFF';
export const CSV_MIME = 'text/csv';

/** The name of a poll's export file. */
export function pollCsvFileName(id: string): string {
  return `poll-${id}.csv`;
}

/**
 * `poll export <id>`: a CSV file in the person's direct messages where the platform can send one,
 * with a short private confirmation (on the web chat, the file comes with the reply's title);
 * otherwise (or when the platform refuses the file) the CSV in a private code block.
 */
export async function handlePollExport(ctx: HandlerContext, id: string): Promise<void> {
  const poll = await managedPoll(ctx, id);
  if (!poll) return;
  const m = messages(ctx.lang).polls;
  const csv = await pollCsv(ctx, poll);
  const title = m.exportTitle({ id: poll.id });
  const anonymousNote: Block[] = poll.anonymous ? [{ type: 'context', text: m.exportAnonymous }] : [];
  const file: OutgoingFile = { name: pollCsvFileName(poll.id), title, mime: CSV_MIME, content: `${CSV_BOM}${csv}` };
  if (await sentAsFile(ctx, poll.id, file)) {
    // With the reply (the web chat), the page shows the download link: no word of direct messages.
    const sent: Block[] = ctx.adapter.fileDelivery === 'reply' ? [] : [{ type: 'text', text: m.exportSent({ file: file.name }) }];
    await ctx.replyPrivately({ lang: ctx.lang, blocks: [{ type: 'header', text: title }, ...sent, ...anonymousNote] });
    return;
  }
  await ctx.replyPrivately({ lang: ctx.lang, blocks: [{ type: 'header', text: title }, ...anonymousNote, { type: 'code', text: csv }] });
}

/** Sends a file to the person where the platform can; false when it cannot or refused (logged). */
async function sentAsFile(ctx: HandlerContext, pollId: string, file: OutgoingFile): Promise<boolean> {
  if (!ctx.adapter.sendFile) return false;
  try {
    await ctx.adapter.sendFile(ctx.event, file);
    return true;
  } catch (error) {
    if (!isForumError(error)) throw error;
    ctx.log.warn({ err: error, pollId }, 'poll export: the file was not sent; the CSV is shown instead');
    return false;
  }
}
