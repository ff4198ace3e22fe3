/** The catalogue's words for the weekly discussion topics: proposals, the queue and the weekly post. */
export interface TopicsCatalog {
  /** To the proposer, at once. */
  proposed: (p: { id: string }) => string;
  /** Flag shown to moderators on a proposal that seems to hold an e-mail address or a phone number. */
  personalData: string;
  /** Heads the moderators' view of proposals and queue. */
  queueTitle: string;
  /** Heads the proposals waiting for a decision. */
  proposalsTitle: string;
  /** Heads the approved topics, in the order they will be posted. */
  queuedTitle: string;
  /** When nothing is waiting and nothing is queued. */
  queueEmpty: string;
  /** One line of the queue: the id, the title, who proposed it (a mention or a name). */
  item: (p: { id: string; title: string; author: string }) => string;
  /** Button that approves a proposal (≤ 30 characters). */
  approve: string;
  /** Button that rejects a proposal (≤ 30 characters). */
  reject: string;
  /** A reject needs a reason: how to give it, with the command `topic reject <id> <reason>`. */
  rejectNeedsReason: (p: { id: string }) => string;
  /** To the moderator: the proposal is approved and has this place in the queue. */
  approved: (p: { id: string; position: number }) => string;
  /** To the moderator: the proposal is rejected and its proposer will be told why. */
  rejected: (p: { id: string }) => string;
  /** The id names no proposal waiting for a decision. */
  notWaiting: (p: { id: string }) => string;
  /** The weekly slot, e.g. "every Monday at 09:00 (Europe/Zurich)"; the weekday name is given already in the reader's language. */
  every: (p: { weekday: string; time: string; zone: string }) => string;
  /** Confirms the slot (`every`, as made by `every`) and says when the next topic goes out (`next`, a date already formatted). */
  scheduleSet: (p: { every: string; next: string }) => string;
  /** Told to the proposer when the moderators approve. */
  proposerApproved: (p: { title: string }) => string;
  /** Told to the proposer when the moderators reject, with their reason. */
  proposerRejected: (p: { title: string; reason: string }) => string;
  /** Heads the weekly post. */
  weeklyHeader: string;
  /** Ends the weekly post: where to reply and the forum's rules. */
  weeklyFooter: string;
  /** To the moderators: the queue is empty before a weekly topic is due (`next`, a date already formatted). */
  reminderQueueEmpty: (p: { next: string }) => string;
  /** To the moderators: a slot passed while the bot was stopped (`when`, a date already formatted). */
  slotSkipped: (p: { when: string }) => string;
  /** To the moderators: a slot came with an empty queue (`when`, a date already formatted). */
  slotEmpty: (p: { when: string }) => string;
  /** To the moderators: a proposal has arrived (the card below it has Approve / Reject). */
  newProposal: (p: { id: string; title: string }) => string;
  /** To the moderator: the topic went out now, to this many discussion channels. */
  postedNow: (p: { id: string; channels: number }) => string;
  /** Added to the schedule's confirmation when the starter library fills an empty queue. */
  startersOn: string;
  /** To the moderator: the topic is closed; its summary went to this many threads and into the knowledge base. */
  closed: (p: { id: string; title: string; participants: number; replies: number; threads: number }) => string;
  /** To the moderator: the topic is closed and nobody replied, so nothing went into the knowledge base. */
  closedEmpty: (p: { id: string; title: string; threads: number }) => string;
  /** `topic close <id>` on a topic that is not the one out now (or already closed). */
  notOpen: (p: { id: string }) => string;
  /** `topic close` when no topic is out. */
  noneOpen: string;
  /** Heads the summary posted in the topic's thread. */
  summaryTitle: string;
  /** The counts under the summary. */
  summaryCounts: (p: { participants: number; replies: number }) => string;
  /** Instead of the points, when nobody replied. */
  summaryNoReplies: string;
  /** Small print: the points were written by the assistant from the replies. */
  summaryByModel: string;
  /** Small print: the points are sentences taken from the replies. */
  summaryExtractive: string;
  /** Small print: the topic is closed and the summary is now in the knowledge base (so `ask` can cite it). */
  summaryClosedNote: string;
  /** Small print under a topic closed without replies: nothing was added to the knowledge base. */
  summaryClosedEmptyNote: string;
  /** Heading of the knowledge-base document made from a closed topic. */
  summaryDocumentHeading: string;
  /** Heading of the topic's own question in that document. */
  summaryDocumentTopic: string;
  /** To the moderator: the topic's text in `language` (its name) is saved. */
  translated: (p: { id: string; language: string }) => string;
  /** `topic translate` on a closed, rejected or unknown topic. */
  notTranslatable: (p: { id: string }) => string;
  /** `topic translate` in the topic's own language: propose again, or translate into another. */
  ownLanguage: (p: { id: string; language: string }) => string;
  /** No discussion channel is configured: topics cannot go out (the moderator asked for a post, or set the slot). */
  noChannels: string;
  /** Shows the topic's assistance area (its name). */
  area: (p: { area: string }) => string;
  /** The area of a topic that belongs to none of the six. */
  general: string;
}
