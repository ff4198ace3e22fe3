import type { Catalog } from './types.ts';

export const en: Catalog = {
  languageName: 'English',
  errors: {
    generic: 'Sorry, something went wrong on my side and your request was not completed. Please try again in a moment.',
  },
  access: {
    refused:
      'This forum is open to the delegations of member states and to guests invited by the moderator. Your workspace is not on the list: please contact the forum moderator if you should have access.',
    channelNotAllowed:
      'The forum does not run in this channel. Please write to me in one of the forum channels or in a direct message.',
    guestExpired: ({ date }) =>
      `Your guest access to the forum ended on ${date}. If you need it again, please ask the moderator.`,
    moderatorOnly: ({ command }) => `Only the forum moderators can use "${command}".`,
  },
  usage: {
    title: 'That command is not quite right.',
    reasons: {
      missing_argument: () => 'Something is missing.',
      unexpected_argument: ({ detail }) => `I did not expect "${detail}" here.`,
      unknown_subcommand: ({ detail }) => `"${detail}" is not one of the choices.`,
      unknown_option: ({ detail }) => `"${detail}" is not an option of this command.`,
      unterminated_quote: () => 'A quotation mark is opened but never closed.',
      bad_lang: ({ detail }) => `"${detail}" is not a language I speak. Choose ar, en, es, fr, ru or zh.`,
      bad_weekday: ({ detail }) => `"${detail}" is not a day of the week.`,
      bad_time: ({ detail }) => `"${detail}" is not a time of day in the form HH:MM (24-hour clock).`,
      bad_time_zone: ({ detail }) => `"${detail}" is not a time zone name such as Europe/Zurich.`,
      bad_date: ({ detail }) => `"${detail}" is not a date and time such as 2026-12-01T17:00+01:00.`,
      bad_id: ({ detail }) => `"${detail}" is not a valid number.`,
      bad_days: ({ detail }) => `"${detail}" is not a number of days between 1 and 365.`,
      too_few_options: () => 'A poll needs at least 2 options.',
      too_many_options: () => 'A poll can have at most 10 options.',
      options_with_rating: () => 'A rating poll asks for a score from 1 to 5, so it takes no options.',
      empty_option: () => 'An option is empty.',
    },
    syntax: 'Use it like this:',
    seeHelp: 'Type "help" for every command.',
  },
  notYet: ({ command }) => `"${command}" is not available yet. It is coming in a later version of the forum bot.`,
  lang: {
    set: 'From now on I will write to you in English.',
    choose: 'Choose your language:',
  },
  help: {
    title: 'Technical assistance forum — help',
    intro:
      'I answer questions about technical assistance from the forum’s knowledge base, run the weekly discussion topic and collect short feedback polls.',
    commands: {
      ask: 'Ask a question about technical assistance.',
      help: 'Show this help.',
      lang: 'Choose the language I use with you.',
      experts: 'Find experts on a subject.',
      'topic propose': 'Propose a topic for a weekly discussion.',
      'topic queue': 'Show the topics waiting to be posted.',
      'topic approve': 'Approve a proposed topic.',
      'topic reject': 'Reject a proposed topic, with a reason.',
      'topic schedule': 'Set when the weekly topic is posted.',
      'topic post-now': 'Post the next topic now.',
      'topic close': 'Close this week’s topic and post its summary.',
      poll: 'Create a poll in this channel.',
      'poll results': 'Show a poll’s results and response rate.',
      'poll close': 'Close a poll.',
      'poll export': 'Download a poll’s answers as CSV.',
      stats: 'See how the forum is used.',
      unanswered: "List the questions the knowledge base could not answer.",
      'my-data': 'Receive a copy of everything stored about you.',
      'forget-me': 'Delete everything stored about you.',
      invite: 'Invite a guest for a number of days.',
    },
    moderatorSection: 'For moderators',
    askHint: 'You can also simply write your question to me, without a command.',
    footer: 'Your messages to the bot are kept until you ask for their deletion with "forget-me".',
  },
  ask: {
    thinking: "Looking it up in the knowledge base…",
    sources: "Sources",
    quotedFrom: ({ language }) => `Quoted from documents in ${language}:`,
    abstain: "The knowledge base has nothing that answers this question, so I would rather not guess.",
    closest: "The closest documents:",
    helpful: "Helpful",
    notHelpful: "Not helpful",
    unansweredTitle: "Questions the knowledge base could not answer",
    unansweredNone: "No unanswered questions so far.",
    unansweredTimes: ({ count, date }) => `(${count} times, last on ${date})`,
    thanks: "Thank you for your feedback.",
  },
  areas: {
    requests: 'Requesting assistance and assessing needs',
    planning: 'Strategic planning, national strategies and project design',
    policy: 'Policy, legislative and regulatory advice',
    training: 'Training, webinars and capacity building',
    evaluation: 'Monitoring, evaluation, impact and results',
    cooperation: 'Coordination, partnerships and sharing of experience',
  },
  experts: {
    title: ({ query }) => `Experts for "${query}"`,
    titleAll: 'Experts in the roster',
    areas: 'Areas',
    languages: 'Languages',
    region: 'Region',
    availability: 'Availability',
    contact: 'Contact',
    regions: {
      africa: 'Africa',
      'arab-states': 'Arab States',
      'asia-pacific': 'Asia and the Pacific',
      'europe-central-asia': 'Europe and Central Asia',
      'latin-america-caribbean': 'Latin America and the Caribbean',
    },
    speaks: ({ languages }) => `Experts speaking ${languages}`,
    inRegion: ({ region }) => `Region: ${region}`,
    more: ({ count }) =>
      count === 1
        ? 'One more expert matches: add words to narrow the search.'
        : `${count} more experts match: add words to narrow the search.`,
    none: ({ query }) =>
      `No expert in the roster matches "${query}". Please try broader words, for example an assistance area: evaluation, training, planning, policy, requests or cooperation.`,
    noneFiltered: 'You may also remove the language or region filter.',
    empty: 'The experts roster is empty for now.',
    suggestTitle: 'Experts who may help',
  },
  web: {
    title: "Technical assistance forum",
    placeholder: "Ask a question or type “help”…",
    send: "Send",
    inputLabel: "Your message",
    failed: "The message could not be sent. Please check your connection and try again.",
    localOnly: "The web chat is only open on the server's own machine for now.",
  },
  welcome: {
    memberJoined: ({ name }) =>
      `Welcome to the forum${name ? `, ${name}` : ''}. Ask me anything about technical assistance, or type "help" to see what I can do. Please keep exchanges respectful, and share nothing confidential.`,
    installed:
      'Hello! I am the technical assistance forum bot. Ask me a question, or type "help" to see what I can do.',
  },
};
