/**
 * Action ids: the namespaced constants shared by the card that shows a button and the handler that
 * takes its click. Adapters carry them through unchanged.
 */
export const ACTIONS = {
  /** Set the person's language; value = language code. */
  langSet: 'lang:set',
  /** Show help; value = '' or a command name. */
  helpShow: 'help:show',
  /** Helpful / not helpful on an answer; value = `<questionId>:1` or `<questionId>:0`. */
  qaFeedback: 'qa:feedback',
  /** Open the form to propose a topic (platforms with forms); value = ''. */
  topicForm: 'topic:form',
  /** Open the form to create a poll; value = ''. */
  pollForm: 'poll:form',
  /** Submission of the topic form; fields `title`, `description`. */
  topicProposeSubmit: 'topic:propose',
  /** Submission of the poll form; fields `question`, `options`, `kind`, `anonymous`, `closes`. */
  pollCreateSubmit: 'poll:create',
  /** A moderator approves a proposal; value = topic id. */
  topicApprove: 'topic:approve',
  /** A moderator rejects a proposal (a reason is then asked); value = topic id. */
  topicReject: 'topic:reject',
  /**
   * A member chose "Report to moderators" on a message (a Slack message shortcut): the bot asks for
   * a reason where the platform has forms. value = a `ReportedMessage` as JSON.
   */
  messageReportStart: 'message:report-start',
  /**
   * A report to send to the moderators (the reason form submitted, or a Teams message action).
   * value = a `ReportedMessage` as JSON; field `reason` (may be empty).
   */
  messageReport: 'message:report',
  /** The person confirms `forget-me`: everything about them is deleted; value = ''. */
  forgetConfirm: 'privacy:forget',
  /** A moderator approves a member's request for a guest; value = request id. */
  guestApprove: 'guest:approve',
  /** A moderator declines a member's request for a guest; value = request id. */
  guestDecline: 'guest:decline',
  /** The person using the web chat on the server's own machine becomes the moderator of a forum that has none; value = ''. */
  moderatorClaim: 'moderator:claim',
  /** A vote in a poll; value = `<pollId>:<option>` (options from 0). */
  pollVote: 'poll:vote',
} as const;

/** The message a report is about, as the adapter saw it (the value of the report actions, as JSON). */
export interface ReportedMessage {
  /** The platform's id of the message (Slack ts, Teams message id). */
  messageId: string;
  /** The channel or chat it is in. */
  channelId: string;
  /** Its author's user id on the platform ('' when unknown). */
  authorId: string;
  /** Its text, cut to a few hundred characters ('' when unknown). */
  text: string;
  /** A link that opens it ('' when the platform gave none). */
  link: string;
}

export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];
