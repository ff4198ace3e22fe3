/**
 * An adapter whose posts are numbered and recorded, for an event run from the inbox: the n-th post
 * of a row (a reply, a private reply, a proactive post, a form, a file) is made only if the row has
 * not recorded an n-th post already. A row run again after a crash or a failure then skips what it
 * posted before and goes on from there (a reply skipped returns the reference recorded, so a
 * "looking it up" message is still the one replaced by the answer). Updates are not numbered: they
 * set a message to a state, and setting it again changes nothing.
 */
import type { Adapter, MessageRef } from './adapter.ts';

/** What the row posted already, and how a new post is recorded. */
export interface PostLedger {
  /** The references of posts made, by sequence number (1, 2, …); undefined for posts with none. */
  posted: ReadonlyMap<number, MessageRef | undefined>;
  record(seq: number, ref: MessageRef | undefined): Promise<void>;
}

export function recordedDelivery(inner: Adapter, ledger: PostLedger): Adapter {
  let seq = 0;
  /** The next post: made and recorded, or skipped (its recorded reference returned) when made before. */
  async function posted(post: () => Promise<MessageRef>, fallback: MessageRef): Promise<MessageRef> {
    const n = ++seq;
    if (ledger.posted.has(n)) return ledger.posted.get(n) ?? fallback;
    const ref = await post();
    await ledger.record(n, ref);
    return ref;
  }
  /** The same for a post that returns no reference. */
  async function sent(post: () => Promise<void> | undefined): Promise<void> {
    const n = ++seq;
    if (ledger.posted.has(n)) return;
    await post();
    await ledger.record(n, undefined);
  }
  const platform = inner.platform;
  const adapter: Adapter = {
    platform,
    ...(inner.fileDelivery ? { fileDelivery: inner.fileDelivery } : {}),
    reply: (event, card) => posted(() => inner.reply(event, card), { platform, conversation: event.conversation, messageId: '' }),
  };
  if (inner.updateMessage) adapter.updateMessage = (ref, card) => inner.updateMessage?.(ref, card) ?? Promise.resolve();
  if (inner.replyPrivately) adapter.replyPrivately = (event, card) => sent(() => inner.replyPrivately?.(event, card));
  if (inner.openForm) adapter.openForm = (event, form) => sent(() => inner.openForm?.(event, form));
  if (inner.sendFile) adapter.sendFile = (event, file) => sent(() => inner.sendFile?.(event, file));
  if (inner.listChannelMembers) adapter.listChannelMembers = (conversation) => inner.listChannelMembers?.(conversation) ?? Promise.resolve([]);
  if (inner.postProactive) {
    adapter.postProactive = (conversation, card) =>
      posted(() => inner.postProactive?.(conversation, card) ?? Promise.reject(new Error('postProactive is gone')), { platform, conversation, messageId: '' });
  }
  return adapter;
}
