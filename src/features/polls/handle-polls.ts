/**
 * Poll commands and votes. A poll is posted where it was created (or to every discussion channel
 * with --discussion); its tally is one however many messages show it. Votes are written by the
 * store (one per person), then the messages are refreshed, coalesced. Results, close and export are
 * for the poll's creator and the moderators.
 */
import { textCard, type Card } from '../../core/card.ts';
import type { HandlerContext, Services } from '../../core/context.ts';
import { isForumError } from '../../core/errors.ts';
import { PLATFORMS, type ActionEvent, type Conversation } from '../../core/events.ts';
import { messages } from '../../i18n/index.ts';
import type { PollKind } from '../../store/poll-schema.ts';
import { castVote, closePoll, createPoll, findPoll, pollPosts, recordPollPost, tallyPoll, voterKey, voterOf, type Poll } from '../../store/polls.ts';
import { audit } from '../../store/topics.ts';
import { actorOf, managedPoll } from './manage.ts';
import { formatDeadline, parseVoteValue, pollLang, pollToCard } from './poll-card.ts';
import { tellPerson } from '../discussions/publish.ts';
import { recordPersonUsage } from '../usage.ts';
import { isPollTemplate, POLL_TEMPLATE_NAMES, templatePolls } from './templates.ts';

export interface PollRequest {
  question: string;
  options: string[];
  anonymous: boolean;
  multi: boolean;
  rating: boolean;
  closesAt?: Date | undefined;
  /** Post to every discussion channel instead of (or besides) here. */
  discussion: boolean;
}

/** The options of a rating poll: 1 (low) to 5 (high). */
export const RATING_OPTIONS = ['1', '2', '3', '4', '5'];

function kindOf(request: PollRequest): PollKind {
  if (request.rating) return 'rating';
  return request.multi ? 'multi' : 'single';
}

/** Where a new poll goes: the discussion channels, or the conversation it was created in (a form's origin). */
function targets(ctx: HandlerContext, discussion: boolean, origin: Conversation | undefined): Conversation[] {
  if (discussion) {
    return ctx.services.config.discussionChannels.map((c) => ({ platform: c.platform, workspaceId: '', channelId: c.id, kind: 'channel' as const }));
  }
  const conversation = origin ?? ctx.event.conversation;
  return [{ platform: conversation.platform, workspaceId: conversation.workspaceId, channelId: conversation.channelId, kind: conversation.kind }];
}

/** Posts a poll's card to one conversation and records the message; false when the platform refused. */
async function postPoll(ctx: HandlerContext, poll: Poll, card: Card, where: Conversation): Promise<boolean> {
  const { services } = ctx;
  try {
    // A direct conversation is answered in place; a channel gets a post of its own (a slash
    // command's reply would be visible to its author only).
    const here = where.platform === ctx.event.platform && where.channelId === ctx.event.conversation.channelId;
    const ref = where.kind === 'direct' && here ? await ctx.reply(card) : await services.messenger.post(where, card);
    await recordPollPost(
      services.store.db,
      { pollId: poll.id, platform: ref.platform, conversationId: ref.conversation.channelId, workspaceId: ref.conversation.workspaceId, messageId: ref.messageId },
      services.now(),
    );
    return true;
  } catch (error) {
    ctx.log.warn({ err: error, pollId: poll.id, channel: `${where.platform}:${where.channelId}` }, 'poll not posted in a conversation');
    if (!isForumError(error)) throw error;
    return false;
  }
}

export async function handlePollCreate(
  ctx: HandlerContext,
  request: PollRequest,
  origin?: Conversation,
  options: { quiet?: boolean } = {},
): Promise<Poll | undefined> {
  const m = messages(ctx.lang).polls;
  const { services } = ctx;
  if (request.closesAt && request.closesAt.getTime() <= services.now().getTime()) {
    await ctx.replyPrivately(textCard(m.closesInPast, ctx.lang));
    return undefined;
  }
  const where = targets(ctx, request.discussion, origin);
  if (where.length === 0) {
    await ctx.replyPrivately(textCard(messages(ctx.lang).topics.noChannels, ctx.lang));
    return undefined;
  }
  const poll = await createPoll(
    services.store.db,
    {
      question: request.question,
      options: request.rating ? RATING_OPTIONS : request.options,
      kind: kindOf(request),
      anonymous: request.anonymous,
      lang: ctx.lang,
      creator: actorOf(ctx),
      closesAt: request.closesAt,
    },
    services.now(),
  );
  const card = pollToCard(poll, await tallyPoll(services.store.db, poll));
  let posted = 0;
  for (const conversation of where) if (await postPoll(ctx, poll, card, conversation)) posted++;
  ctx.log.info({ pollId: poll.id, posted, kind: poll.kind, anonymous: poll.anonymous }, 'poll created');
  if (posted === 0) {
    await closePoll(services.store.db, poll.id, actorOf(ctx), services.now());
    await ctx.replyPrivately(textCard(m.notPosted, ctx.lang));
    return undefined;
  }
  if (!options.quiet) await ctx.replyPrivately(textCard(m.created({ id: poll.id, channels: posted }), ctx.lang));
  return poll;
}

/** Shared key of anonymous voters' hashes, read once per process. */
const keys = new WeakMap<object, Promise<string>>();
function keyOf(services: Services): Promise<string> {
  let key = keys.get(services.store);
  if (!key) {
    key = voterKey(services.store.db, services.config.pollVoterKey);
    keys.set(services.store, key);
    void key.catch(() => keys.delete(services.store));
  }
  return key;
}

/** The key a click's vote is recorded under (in `processed_events`, beside the event's own claim). */
export function voteEffectKey(event: Pick<ActionEvent, 'platform' | 'id'>): string {
  return `vote:${event.platform}:${event.id}`;
}

/** A vote button: the store takes the vote (one per person); the poll's messages are refreshed soon after. */
export async function handlePollVote(ctx: HandlerContext, event: ActionEvent): Promise<void> {
  const vote = parseVoteValue(event.value);
  if (!vote) return;
  const { services } = ctx;
  const poll = await findPoll(services.store.db, vote.pollId);
  if (!poll || vote.option >= poll.options.length) {
    ctx.log.warn({ value: event.value }, 'vote for an unknown poll or option ignored');
    return;
  }
  const voter = voterOf(poll, actorOf(ctx), await keyOf(services));
  // The click's own key: the same click run again (after a crash, from the inbox) is counted once.
  // Its time is when the platform delivered it: run late, it does not replace a later choice.
  const outcome = await castVote(services.store.db, poll, voter, vote.option, services.now(), voteEffectKey(ctx.event), ctx.event.receivedAt);
  if (outcome === 'closed') {
    await ctx.replyPrivately(textCard(messages(ctx.lang).polls.closedNotice({ question: poll.question }), ctx.lang));
    return;
  }
  if (outcome !== 'unchanged') services.polls.request(poll.id);
  // A person's first answer to a poll; an anonymous one says nobody's name.
  if (outcome === 'recorded') await recordPersonUsage(ctx, ['poll_answered'], poll.id, { anonymous: poll.anonymous });
}

/** Closes a poll (by hand or at its deadline): the final results replace the buttons. */
export async function finishPoll(services: Services, id: string, actor: string): Promise<Poll | undefined> {
  const closed = await closePoll(services.store.db, id, actor, services.now());
  if (!closed) return undefined;
  if (!actor.startsWith('scheduler:')) await audit(services.store.db, actor, 'poll.closed', `poll:${id}`, {}, services.now());
  services.polls.request(id);
  return closed;
}

export async function handlePollClose(ctx: HandlerContext, id: string): Promise<void> {
  const m = messages(ctx.lang).polls;
  const poll = await managedPoll(ctx, id);
  if (!poll) return;
  const closed = await finishPoll(ctx.services, id, actorOf(ctx));
  await ctx.replyPrivately(textCard(closed ? m.closedDone({ id }) : m.alreadyClosed({ id }), ctx.lang));
}

/** `poll template <name>`: the template's polls, in the person's language, posted one after the other. */
export async function handlePollTemplate(ctx: HandlerContext, name: string, options: { closesAt?: Date | undefined; discussion: boolean }): Promise<void> {
  if (!isPollTemplate(name)) {
    await ctx.replyPrivately(textCard(messages(ctx.lang).polls.unknownTemplate({ name, names: POLL_TEMPLATE_NAMES.join(', ') }), ctx.lang));
    return;
  }
  for (const request of templatePolls(name, ctx.lang, options)) {
    if (!(await handlePollCreate(ctx, request, undefined, { quiet: true }))) return;
  }
  await ctx.replyPrivately(textCard(messages(ctx.lang).polls.templatePosted({ count: templatePolls(name, ctx.lang, options).length }), ctx.lang));
}

/** At the deadline: closed, and its creator told how many answered. */
export async function closePollAtDeadline(services: Services, poll: Poll, actor: string): Promise<Poll | undefined> {
  const closed = await finishPoll(services, poll.id, actor);
  if (!closed) return undefined;
  const tally = await tallyPoll(services.store.db, closed);
  await tellPerson(services, closed.creator, (lang) => textCard(messages(lang).polls.closedCreator({ id: closed.id, question: closed.question, voters: tally.voters }), lang));
  return closed;
}

/** The one reminder before the deadline, posted in each conversation the poll is in. */
export async function remindPoll(services: Services, poll: Poll): Promise<void> {
  const lang = pollLang(poll);
  const card = textCard(messages(lang).polls.reminder({ question: poll.question, date: poll.closes_at ? formatDeadline(poll.closes_at, lang) : '' }), lang);
  for (const post of await pollPosts(services.store.db, poll.id)) {
    const platform = PLATFORMS.find((p) => p === post.platform);
    if (!platform) continue;
    try {
      await services.messenger.post({ platform, workspaceId: post.workspace_id, channelId: post.conversation_id, kind: 'channel' }, card);
    } catch (error) {
      services.log.warn({ err: error, pollId: poll.id, channel: `${post.platform}:${post.conversation_id}` }, 'poll reminder not posted');
    }
  }
}
