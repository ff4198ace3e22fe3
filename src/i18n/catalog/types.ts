import type { RegionId } from '../../rag/experts-query.ts';
import type { Category } from '../../rag/types.ts';
import type { MembershipCatalog } from './types-membership.ts';

/**
 * The shape of a catalog of the bot's own words. English (`en.ts`) is the reference; every other
 * language provides every key, checked by the compiler. Functions take the values to insert.
 */

/** Why a command did not parse; each reason has a sentence in every language. */
export type UsageReason =
  | 'missing_argument'
  | 'unexpected_argument'
  | 'unknown_subcommand'
  | 'unknown_option'
  | 'unterminated_quote'
  | 'bad_lang'
  | 'bad_weekday'
  | 'bad_time'
  | 'bad_time_zone'
  | 'bad_date'
  | 'bad_id'
  | 'bad_days'
  | 'bad_user'
  | 'too_few_options'
  | 'too_many_options'
  | 'options_with_rating'
  | 'empty_option';

/** The commands of the grammar, as help lists them. */
export type HelpTopic =
  | 'ask'
  | 'help'
  | 'lang'
  | 'experts'
  | 'topic propose'
  | 'topic queue'
  | 'topic approve'
  | 'topic reject'
  | 'topic schedule'
  | 'topic post-now'
  | 'topic close'
  | 'topic translate'
  | 'poll'
  | 'poll template'
  | 'poll results'
  | 'poll close'
  | 'poll export'
  | 'stats'
  | 'unanswered'
  | 'my-data'
  | 'forget-me'
  | 'invite'
  | 'guests'
  | 'revoke'
  | 'rules'
  | 'report'
  | 'remove';

export interface Catalog {
  /** The language's name in itself ("Français"). */
  languageName: string;
  errors: {
    /** The fixed sentence a person sees when something fails on the bot's side. */
    generic: string;
  };
  access: {
    /** To someone outside the allowed workspaces, tenants and guests. */
    refused: string;
    /** In a channel the forum is not configured to serve. */
    channelNotAllowed: string;
    /** To a guest whose access has ended; `date` is already formatted. */
    guestExpired: (p: { date: string }) => string;
    /** To a member who tried a moderator's command. */
    moderatorOnly: (p: { command: string }) => string;
  };
  usage: {
    /** Heads a usage message: "That command is not quite right." */
    title: string;
    /** One sentence per reason; `detail` is the offending word or value, when there is one. */
    reasons: Record<UsageReason, (p: { detail: string }) => string>;
    /** Introduces the syntax lines: "Use it like this:". */
    syntax: string;
    /** Points to the full list: "Type `help` for every command." */
    seeHelp: string;
  };
  lang: {
    /** Confirms the new language, written in that language. */
    set: string;
    /** Introduces the list of languages on a language picker. */
    choose: string;
  };
  help: {
    title: string;
    intro: string;
    /** One line per command: what it does. */
    commands: Record<HelpTopic, string>;
    /** Heads the commands only moderators may use. */
    moderatorSection: string;
    /** How to ask a question without a command. */
    askHint: string;
    footer: string;
  };
  /** Answers from the knowledge base. */
  ask: {
    /** Shown at once while the answer is prepared. */
    thinking: string;
    /** Heads the numbered sources under an answer. */
    sources: string;
    /** Introduces sentences quoted from documents in another language; `language` is that language's name. */
    quotedFrom: (p: { language: string }) => string;
    /** When the knowledge base does not support an answer. */
    abstain: string;
    /** Heads the nearest documents under an abstention. */
    closest: string;
    helpful: string;
    notHelpful: string;
    unansweredTitle: string;
    unansweredNone: string;
    /** How often and when a question was last asked; `date` is already formatted. */
    unansweredTimes: (p: { count: number; date: string }) => string;
    /** After a feedback click. */
    thanks: string;
  };
  /** The six assistance areas, by their fixed identifiers (see `assistance-areas.md` in the knowledge base). */
  areas: Record<Category, string>;
  /** The experts roster (`experts <query>`). */
  experts: {
    /** Heads the list of experts found; `query` is what the person searched for. */
    title: (p: { query: string }) => string;
    /** Heads the list when only a language or region was given. */
    titleAll: string;
    /** Labels of an expert's details. */
    areas: string;
    languages: string;
    region: string;
    availability: string;
    contact: string;
    /** The five regions of the roster. */
    regions: Record<RegionId, string>;
    /** The language filter in force; `languages` is already a list of language names. */
    speaks: (p: { languages: string }) => string;
    /** The region filter in force: the region's name, or what the person typed when it names several or none. */
    inRegion: (p: { region: string }) => string;
    /** Under the list, when more experts match than are shown. */
    more: (p: { count: number }) => string;
    /** When no expert matches; suggests broader words (the area words must be ones the search knows). */
    none: (p: { query: string }) => string;
    /** Added to `none` when a language or region filter was given. */
    noneFiltered: string;
    /** When the roster has no experts at all. */
    empty: string;
    /** Heads the experts suggested under an answer the knowledge base could not give. */
    suggestTitle: string;
  };
  /** The words of the web chat page itself. */
  web: {
    title: string;
    /** Placeholder of the message box. */
    placeholder: string;
    send: string;
    /** Label of the message box, for screen readers. */
    inputLabel: string;
    /** Shown when the bot could not be reached or the request failed. */
    failed: string;
    /** Shown when the web chat is reached from another machine than the server's. */
    localOnly: string;
    /** Heading of the chat with the bot, next to the topic of the week. */
    chatTitle: string;
    /** Heading of the page's discussion region (the weekly topic and its thread). */
    forumTitle: string;
    /** When no topic has been posted in the page's discussion channel yet. */
    forumEmpty: string;
    /** Heading of the earlier topics, shown folded under this week's. */
    forumEarlier: string;
    /** Label of a topic's thread (the replies under it), for screen readers. */
    forumReplies: string;
    /** A thread without replies. */
    forumNoReplies: string;
    /** Label of the reply box. */
    replyLabel: string;
    /** Placeholder of the reply box. */
    replyPlaceholder: string;
    /** The button that posts a reply. */
    replySend: string;
    /** When the forum's access rules do not let the person reply in this channel. */
    replyRefused: string;
    /** The author of the reader's own replies. */
    you: string;
    /** Other people's replies are signed "<participant> <n>", numbered in the thread: never a name or an id. */
    participant: string;
  };
  welcome: {
    /** To a person who joins a channel the bot is in; `name` is '' when the platform does not tell it. */
    memberJoined: (p: { name: string }) => string;
    /** When the bot is added to a conversation. */
    installed: string;
  };
  /**
   * The forms (Slack modals, Teams task modules) and the menu that opens them. Modal titles and the
   * submit and cancel buttons are at most 24 characters; button and choice labels at most 75.
   */
  forms: {
    /** Heads the menu shown for the bare slash command: what the person can do. */
    menuIntro: string;
    /** Menu button that opens the form to propose a topic (≤ 75 characters). */
    openTopicForm: string;
    /** Menu button that opens the form to create a poll (≤ 75 characters). */
    openPollForm: string;
    /** Menu button that shows the help (≤ 75 characters). */
    showHelp: string;
    /** The cancel button of every form (≤ 24 characters). */
    close: string;
    /** Where the platform cannot open a form: how to do it with a command instead; `syntax` is the command line. */
    unavailable: (p: { syntax: string }) => string;
    /** The form to propose a weekly topic. */
    topic: {
      /** The form's title (≤ 24 characters). */
      title: string;
      /** Its submit button (≤ 24 characters). */
      submit: string;
      titleLabel: string;
      titlePlaceholder: string;
      descriptionLabel: string;
      /** What a good description holds. */
      descriptionPlaceholder: string;
    };
    /** The form to create a poll. */
    poll: {
      /** The form's title (≤ 24 characters). */
      title: string;
      /** Its submit button (≤ 24 characters). */
      submit: string;
      questionLabel: string;
      /** Label of the options box: one option per line, 2 to 10 of them. */
      optionsLabel: string;
      /** An example of options, one per line (separated by "\n"). */
      optionsPlaceholder: string;
      kindLabel: string;
      /** The three kinds of poll (≤ 75 characters each). */
      kindSingle: string;
      kindMulti: string;
      kindRating: string;
      anonymousLabel: string;
      /** The two answers to "anonymous", saying what is kept (≤ 75 characters each). */
      anonymousNo: string;
      anonymousYes: string;
      /** Label of the optional closing time. */
      closesLabel: string;
      /** An example closing time the parser accepts, such as "2026-12-01 17:00 UTC" (≤ 150 characters). */
      closesPlaceholder: string;
    };
  };
  /** The bot's home page (Slack's App Home). */
  home: {
    /** The App Home's heading. */
    title: string;
    /** States the person's language; `language` is its name in that language, and language buttons follow. */
    languageIs: (p: { language: string }) => string;
    /** Where the answers to what is clicked on the home page go. */
    repliesGoToMessages: string;
  };
  /** The weekly discussion topics: proposals, the moderators' queue and the weekly post. */
  topics: {
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
  };
  /** `my-data` and `forget-me`. */
  privacy: {
    /** Heads the copy of a person's data. */
    myDataTitle: string;
    /** The copy went as a file (`file`, its name) to the person's direct messages with the bot. */
    myDataSent: (p: { file: string }) => string;
    /** `forget-me`: what will be deleted and what stays, before the button that confirms. */
    forgetAsk: string;
    /** The button that confirms (≤ 30 characters). */
    forgetButton: string;
    /** Once deleted: nothing points to them any more; anonymous counts remain. */
    forgotten: string;
  };
  /** The moderators' usage figures (`stats`). */
  stats: {
    /** Heads the figures; `weeks` is how many weeks they cover. */
    title: (p: { weeks: number }) => string;
    /** Heads the lines by week. */
    byWeek: string;
    /** One week: `week` is its first day, already formatted; `share` a percentage already formatted. */
    week: (p: { week: string; active: number; questions: number; share: string }) => string;
    /** Heads the lines by platform and workspace (or tenant). */
    byWorkspace: string;
    /** One workspace: its name (or id) and platform, people active, questions and the share answered. */
    workspace: (p: { name: string; active: number; questions: number; share: string }) => string;
    /** Heads the latest topics. */
    topics: string;
    topic: (p: { id: string; title: string; replies: number; participants: number }) => string;
    /** Heads the latest polls. */
    polls: string;
    poll: (p: { id: string; question: string; voters: number; open: boolean }) => string;
    /** Follows a poll's line where its channels' members are known: `rate` is formatted ("40 %"). */
    pollRate: (p: { members: number; rate: string }) => string;
    /** Heads the questions the knowledge base could not answer, most asked first. */
    unanswered: string;
    unansweredItem: (p: { question: string; times: number }) => string;
    /** When nothing at all has been recorded yet. */
    nothingYet: string;
  };
  /** Polls: the poll message, votes, results, export, deadlines and templates. */
  polls: {
    /** The poll's number, on its message ("Poll #12"). */
    label: (p: { id: string }) => string;
    kindSingle: string;
    kindMulti: string;
    kindRating: string;
    /** Said on an anonymous poll: who voted what is not kept. */
    anonymousNote: string;
    /** The deadline (`date` already formatted, with its zone). */
    closesAt: (p: { date: string }) => string;
    /** A poll without a deadline, still open. */
    openNote: string;
    /** On a closed poll's message: these are the final results. */
    closedNote: string;
    voters: (p: { count: number }) => string;
    /** The average of a rating poll (`value` already formatted), out of 5. */
    average: (p: { value: string }) => string;
    /** To the creator: the poll is out in this many conversations, and how to see results or close it. */
    created: (p: { id: string; channels: number }) => string;
    /** The poll could not be posted anywhere (the bot is not in the channel, or the platform refused). */
    notPosted: string;
    /** A deadline that has passed already. */
    closesInPast: string;
    /** Privately, to someone who clicked on a closed poll. */
    closedNotice: (p: { question: string }) => string;
    notFound: (p: { id: string }) => string;
    /** Results, export and close are for the poll's creator and the moderators. */
    notYours: (p: { id: string }) => string;
    alreadyClosed: (p: { id: string }) => string;
    /** To whoever closed it: the final results are now on the poll. */
    closedDone: (p: { id: string }) => string;
    /** To the creator, when the deadline closed the poll. */
    closedCreator: (p: { id: string; question: string; voters: number }) => string;
    resultsTitle: (p: { id: string }) => string;
    /** `rate` is already formatted as a percentage. */
    responseRate: (p: { voters: number; members: number; rate: string }) => string;
    /** Where the platform cannot list the channels' members. */
    responseRateUnknown: (p: { voters: number }) => string;
    exportTitle: (p: { id: string }) => string;
    /** The export went as a file (`file`, its name) to the person's direct messages with the bot. */
    exportSent: (p: { file: string }) => string;
    /** Under the export of an anonymous poll: counts only. */
    exportAnonymous: string;
    /** Posted in the poll's channels before the deadline (`date` already formatted). */
    reminder: (p: { question: string; date: string }) => string;
    /** To the creator: a template's polls are out (`count` of them); results come poll by poll. */
    templatePosted: (p: { count: number }) => string;
    /** `poll template <name>` with a name that is not a template; `names` lists them. */
    unknownTemplate: (p: { name: string; names: string }) => string;
    /** The post-webinar satisfaction survey: a 1–5 rating and two questions with their options. */
    webinar: {
      satisfaction: string;
      useful: string;
      usefulOptions: readonly [string, string, string];
      again: string;
      againOptions: readonly [string, string, string];
    };
  };
  /** The forum rules, reports of messages to the moderators, and removal of the bot's posts. */
  moderation: {
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
  };
  /** Guests: invitations, members' requests and the moderators' decisions. */
  membership: MembershipCatalog;
}
