/** The catalogue's words for polls: the poll message, votes, results, export, deadlines and templates. */
export interface PollsCatalog {
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
}
