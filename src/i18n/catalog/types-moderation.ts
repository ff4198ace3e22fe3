/** The catalogue's words for the forum rules, reports of messages and removal of the bot's posts. */
export interface ModerationCatalog {
  /** Heads the rules. */
  rulesTitle: string;
  /** The four rules, one sentence or two each. */
  rules: { use: string; respect: string; confidentiality: string; copyright: string };
  /** The rules' four names, used as labels. */
  ruleNames: { use: string; respect: string; confidentiality: string; copyright: string };
  /** How to read the rules (with the command `rules`), on welcomes and under every topic. */
  rulesHint: string;
  /** Label of the link to the rules page (≤ 75 characters). */
  rulesLink: string;
  /** The report form's title (≤ 24 characters). */
  reportFormTitle: string;
  /** The report form's submit button (≤ 24 characters). */
  reportSubmit: string;
  /** Label of the optional reason. */
  reportReasonLabel: string;
  reportReasonPlaceholder: string;
  /** To the person who reported, privately. */
  reportSent: string;
  /** To the person who reported, when no moderator could be reached (the report is kept in the audit log). */
  reportKept: string;
  /** To each moderator: `reporter` reported a message; `where` is a channel or a link. */
  reportToModerators: (p: { reporter: string; where: string }) => string;
  /** Labels of a report's details. */
  reportAuthor: string;
  reportExcerpt: string;
  reportReason: string;
  /** When the reporter gave no reason. */
  reportNoReason: string;
  /** Label of the link to the reported message (≤ 75 characters). */
  reportOpen: string;
  /** `report` or `remove` with something that is not a message link of Slack or Teams. */
  notALink: (p: { link: string }) => string;
  /** To the moderator: the bot's post is removed. */
  removed: string;
  /** The message is not one of the bot's own posts: the bot cannot remove it. */
  removeForbidden: string;
  /** The message is gone already, or the bot cannot see it. */
  removeNotFound: string;
  /** The link is to a platform this bot is not connected to (`platform` is its name). */
  notConnected: (p: { platform: string }) => string;
}
