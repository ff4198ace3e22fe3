import type { RegionId } from '../../rag/experts-query.ts';
import type { Category } from '../../rag/types.ts';
import type { FilesCatalog } from './types-files.ts';
import type { MembershipCatalog } from './types-membership.ts';
import type { ModerationCatalog } from './types-moderation.ts';
import type { PollsCatalog } from './types-polls.ts';
import type { TopicsCatalog } from './types-topics.ts';

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
  | 'stray_quote'
  | 'bad_link'
  | 'unknown_command'
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
    /** Introduces a second answer, nearly as good as the first, from another passage or sentence. */
    alsoFound: string;
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
    /** The greeting in an empty chat, above the example questions and the `help` button. */
    greeting: string;
    /** Example questions offered in an empty chat (the knowledge base answers them), sent as typed when clicked. */
    examples: readonly string[];
    send: string;
    /** Label of the message box, for screen readers. */
    inputLabel: string;
    /** Shown when the bot could not be reached or the request failed. */
    failed: string;
    /** Heading of the chat with the bot, next to the topic of the week. */
    chatTitle: string;
    /** Heading of the page's discussion region (the weekly topic and its thread). */
    forumTitle: string;
    /** When no topic has been posted in the page's discussion channel yet. */
    forumEmpty: string;
    /** Heading of the earlier topics, shown folded under this week's. */
    forumEarlier: string;
    /** Heading of the polls and notices posted in the discussion channel, beside this week's topic. */
    forumPosts: string;
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
    /** A message or reply longer than its limit: `{max}` is filled in (by the page before sending, or by the server). */
    tooLong: string;
    /** The author of the reader's own replies. */
    you: string;
    /** Other people's replies are signed "<participant> <n>", numbered in the thread: never a name or an id. */
    participant: string;
    /** Heading of the sign-in form. */
    signInTitle: string;
    /** Under the heading: how to sign in (a password, or the one-time link received). */
    signInIntro: string;
    /** Label of the login field. */
    loginLabel: string;
    /** Label of the password field. */
    passwordLabel: string;
    /** The button that signs in. */
    signInButton: string;
    /** A request from someone who has not signed in (HTTP 401). */
    signInNeeded: string;
    /** A wrong login or password (never says which). */
    signInFailed: string;
    /** A sign-in link that is unknown, expired or already used. */
    signInLinkInvalid: string;
    /** Too many sign-in attempts for this login or from this address (HTTP 429). */
    tooManyAttempts: string;
    /** A change request without the page's anti-forgery token (HTTP 403): the page is reloaded. */
    csrfFailed: string;
    /** The button that signs out. */
    signOut: string;
    /** Who is signed in; `{name}` is replaced by the page with the account's name. */
    signedInAs: string;
    /** The embedded widget's launcher button, when the chat is closed. */
    widgetOpen: string;
    /** The launcher button, when the chat is open. */
    widgetClose: string;
    /** The title of the widget's frame, for screen readers. */
    widgetFrameTitle: string;
    /**
     * In the widget's panel, in place of the chat, on a site the bot does not let show it in a frame:
     * `{origin}` is the site's address, and the sentence names WEB_EMBED_ORIGINS.
     */
    widgetBlocked: string;
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
  topics: TopicsCatalog;
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
    /** The web chat's line among workspaces and tenants (it has no workspace of its own). */
    webWorkspace: string;
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
  polls: PollsCatalog;
  /** The forum rules, reports of messages to the moderators, and removal of the bot's posts. */
  moderation: ModerationCatalog;
  /** Guests: invitations, members' requests and the moderators' decisions. */
  membership: MembershipCatalog;
  /** Files that the person must accept before they are sent (Teams' file consent card). */
  files: FilesCatalog;
}
