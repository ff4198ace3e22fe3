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
} as const;

export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];
