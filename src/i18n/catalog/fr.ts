import type { Catalog } from './types.ts';

export const fr: Catalog = {
  languageName: 'Français',
  errors: {
    generic:
      'Veuillez m’excuser : une erreur s’est produite de mon côté et votre demande n’a pas abouti. Merci de réessayer dans quelques instants.',
  },
  access: {
    refused:
      'Ce forum est ouvert aux délégations des États membres et aux personnes invitées par le modérateur. Votre espace de travail ne figure pas sur la liste : si vous devriez y avoir accès, veuillez contacter le modérateur du forum.',
    channelNotAllowed:
      'Le forum n’est pas actif dans ce canal. Veuillez m’écrire dans l’un des canaux du forum ou par message direct.',
    guestExpired: ({ date }) =>
      `Votre accès invité au forum a pris fin le ${date}. Si vous en avez de nouveau besoin, veuillez vous adresser au modérateur.`,
    moderatorOnly: ({ command }) => `Seuls les modérateurs du forum peuvent utiliser « ${command} ».`,
  },
  usage: {
    title: 'Cette commande n’est pas tout à fait correcte.',
    reasons: {
      missing_argument: () => 'Il manque un élément.',
      unexpected_argument: ({ detail }) => `Je ne m’attendais pas à trouver « ${detail} » à cet endroit.`,
      unknown_subcommand: ({ detail }) => `« ${detail} » ne fait pas partie des choix possibles.`,
      unknown_option: ({ detail }) => `« ${detail} » n’est pas une option de cette commande.`,
      unterminated_quote: () => 'Un guillemet est ouvert mais n’est jamais fermé.',
      bad_lang: ({ detail }) =>
        `« ${detail} » n’est pas une langue que je parle. Choisissez ar, en, es, fr, ru ou zh.`,
      bad_weekday: ({ detail }) => `« ${detail} » n’est pas un jour de la semaine.`,
      bad_time: ({ detail }) => `« ${detail} » n’est pas une heure au format HH:MM (sur 24 heures).`,
      bad_time_zone: ({ detail }) => `« ${detail} » n’est pas un nom de fuseau horaire tel que Europe/Zurich.`,
      bad_date: ({ detail }) =>
        `« ${detail} » n’est pas une date et une heure du type 2026-12-01T17:00+01:00.`,
      bad_id: ({ detail }) => `« ${detail} » n’est pas un numéro valide.`,
      bad_days: ({ detail }) => `« ${detail} » n’est pas un nombre de jours compris entre 1 et 365.`,
      too_few_options: () => 'Un sondage doit comporter au moins 2 options.',
      too_many_options: () => 'Un sondage peut comporter au maximum 10 options.',
      options_with_rating: () =>
        'Un sondage d’évaluation demande une note de 1 à 5 ; il ne comporte donc pas d’options.',
      empty_option: () => 'L’une des options est vide.',
    },
    syntax: 'Voici comment l’utiliser :',
    seeHelp: 'Tapez « help » pour afficher toutes les commandes.',
  },
  notYet: ({ command }) =>
    `« ${command} » n’est pas encore disponible. Cette fonction arrivera dans une prochaine version du bot du forum.`,
  lang: {
    set: 'Désormais, je vous écrirai en français.',
    choose: 'Choisissez votre langue :',
  },
  help: {
    title: 'Forum d’assistance technique — aide',
    intro:
      'Je réponds aux questions relatives à l’assistance technique à partir de la base de connaissances du forum, j’anime le sujet de discussion hebdomadaire et je recueille vos avis au moyen de courts sondages.',
    commands: {
      ask: 'Poser une question sur l’assistance technique.',
      help: 'Afficher cette aide.',
      lang: 'Choisir la langue dans laquelle je m’adresse à vous.',
      experts: 'Trouver des experts dans un domaine.',
      'topic propose': 'Proposer un sujet pour une discussion hebdomadaire.',
      'topic queue': 'Afficher les sujets en attente de publication.',
      'topic approve': 'Approuver un sujet proposé.',
      'topic reject': 'Rejeter un sujet proposé, en indiquant le motif.',
      'topic schedule': 'Définir le moment de publication du sujet hebdomadaire. Avec --starters, le bot puise dans sa bibliothèque de sujets de discussion quand la file est vide.',
      'topic post-now': 'Publier immédiatement le sujet suivant.',
      'topic close': 'Clore le sujet de la semaine et en publier la synthèse.',
      'topic translate': 'Ajouter le titre et la description d’un sujet dans une autre langue.',
      poll: 'Créer un sondage dans ce canal.',
      'poll results': 'Afficher les résultats d’un sondage et son taux de réponse.',
      'poll close': 'Clore un sondage.',
      'poll export': 'Télécharger les réponses à un sondage au format CSV.',
      stats: 'Consulter les statistiques d’utilisation du forum.',
      unanswered: "Lister les questions auxquelles la base de connaissances n’a pas su répondre.",
      'my-data': 'Recevoir une copie de toutes les données conservées à votre sujet.',
      'forget-me': 'Supprimer toutes les données conservées à votre sujet.',
      invite: 'Inviter une personne pour un nombre de jours donné.',
      rules: 'Lire les règles du forum.',
      report: 'Signaler un message aux modérateurs, par son lien.',
      remove: 'Retirer un message publié par le bot, par son lien.',
    },
    moderatorSection: 'Réservé aux modérateurs',
    askHint: 'Vous pouvez aussi m’écrire directement votre question, sans commande.',
    footer:
      'Vos messages au bot sont conservés jusqu’à ce que vous en demandiez la suppression avec « forget-me ».',
  },
  ask: {
    thinking: "Je cherche dans la base de connaissances…",
    sources: "Sources",
    quotedFrom: ({ language }) => `Extraits de documents en ${language} :`,
    abstain: "La base de connaissances ne contient rien qui réponde à cette question ; je préfère ne pas avancer de réponse.",
    closest: "Les documents les plus proches :",
    helpful: "Utile",
    notHelpful: "Pas utile",
    unansweredTitle: "Questions restées sans réponse dans la base de connaissances",
    unansweredNone: "Aucune question sans réponse pour l’instant.",
    unansweredTimes: ({ count, date }) => `(${count} fois, dernière le ${date})`,
    thanks: "Merci pour votre avis.",
  },
  areas: {
    requests: 'Demander une assistance et évaluer les besoins',
    planning: 'Planification stratégique, stratégies nationales et conception de projets',
    policy: 'Conseil en matière de politiques, de législation et de réglementation',
    training: 'Formation, webinaires et renforcement des capacités',
    evaluation: 'Suivi, évaluation, impact et résultats',
    cooperation: 'Coordination, partenariats et partage d’expérience',
  },
  experts: {
    title: ({ query }) => `Experts pour « ${query} »`,
    titleAll: 'Experts du répertoire',
    areas: 'Domaines',
    languages: 'Langues',
    region: 'Région',
    availability: 'Disponibilité',
    contact: 'Contact',
    regions: {
      africa: 'Afrique',
      'arab-states': 'États arabes',
      'asia-pacific': 'Asie et Pacifique',
      'europe-central-asia': 'Europe et Asie centrale',
      'latin-america-caribbean': 'Amérique latine et Caraïbes',
    },
    speaks: ({ languages }) => `Experts parlant ${languages}`,
    inRegion: ({ region }) => `Région : ${region}`,
    more: ({ count }) =>
      count === 1
        ? 'Un autre expert correspond à votre recherche : ajoutez des mots pour l’affiner.'
        : `${count} autres experts correspondent à votre recherche : ajoutez des mots pour l’affiner.`,
    none: ({ query }) =>
      `Aucun expert du répertoire ne correspond à « ${query} ». Veuillez essayer des termes plus généraux, par exemple un domaine d’assistance : évaluation, formation, planification, politiques, demandes ou coopération.`,
    noneFiltered: 'Vous pouvez aussi retirer le filtre de langue ou de région.',
    empty: 'Le répertoire des experts est vide pour le moment.',
    suggestTitle: 'Experts susceptibles de vous aider',
  },
  web: {
    title: "Forum de l’assistance technique",
    placeholder: "Posez une question ou tapez « help »…",
    send: "Envoyer",
    inputLabel: "Votre message",
    failed: "Le message n’a pas pu être envoyé. Veuillez vérifier votre connexion et réessayer.",
    localOnly: "Pour l’instant, la discussion web n’est accessible que depuis la machine du serveur.",
  },
  welcome: {
    memberJoined: ({ name }) =>
      `Bienvenue sur le forum${name ? `, ${name}` : ''}. Posez-moi toute question sur l’assistance technique, ou tapez « help » pour découvrir ce que je peux faire. Merci de veiller à la courtoisie des échanges et de ne partager aucune information confidentielle.`,
    installed:
      'Bonjour ! Je suis le bot du forum d’assistance technique. Posez-moi une question, ou tapez « help » pour découvrir ce que je peux faire.',
  },
  forms: {
    menuIntro: 'Que souhaitez-vous faire ? Posez une question en la tapant après /forum, ou :',
    openTopicForm: 'Proposer un sujet',
    openPollForm: 'Créer un sondage',
    showHelp: 'Aide',
    close: 'Annuler',
    unavailable: ({ syntax }) =>
      `Les formulaires ne peuvent pas s’ouvrir ici. Veuillez plutôt taper la commande : ${syntax}`,
    topic: {
      title: 'Proposer un sujet',
      submit: 'Proposer',
      titleLabel: 'Titre',
      titlePlaceholder: 'De quoi la communauté devrait-elle débattre ?',
      descriptionLabel: 'Description',
      descriptionPlaceholder: 'Quelques phrases : la question, son intérêt, un exemple',
    },
    poll: {
      title: 'Créer un sondage',
      submit: 'Créer',
      questionLabel: 'Question',
      optionsLabel: 'Options, une par ligne (de 2 à 10)',
      optionsPlaceholder: 'Oui\nEn partie\nNon',
      kindLabel: 'Type de sondage',
      kindSingle: 'Un seul choix',
      kindMulti: 'Plusieurs choix',
      kindRating: 'Note de 1 à 5',
      anonymousLabel: 'Anonyme',
      anonymousNo: 'Non : les noms sont conservés avec les votes',
      anonymousYes: 'Oui : aucun nom n’est conservé',
      closesLabel: 'Date de clôture (facultative)',
      closesPlaceholder: 'Par exemple : 2026-12-01 17:00 UTC',
    },
  },
  home: {
    title: 'Forum d’assistance technique',
    languageIs: ({ language }) => `Votre langue : ${language}. Pour la changer :`,
    repliesGoToMessages: 'Les réponses à ce que vous sélectionnez sur cette page arrivent dans l’onglet Messages.',
  },
  topics: {
    proposed: ({ id }) =>
      `Merci : votre proposition #${id} a été transmise aux modérateurs. Leur décision vous sera communiquée.`,
    personalData:
      'Peut contenir des données personnelles (une adresse électronique ou un numéro de téléphone) : à vérifier avant toute approbation.',
    queueTitle: 'Sujets de discussion',
    proposalsTitle: 'Propositions en attente de décision',
    queuedTitle: 'File d’attente, dans l’ordre de publication',
    queueEmpty: 'Aucune proposition n’est en attente et la file d’attente est vide.',
    item: ({ id, title, author }) => `#${id} ${title} — proposé par ${author}`,
    approve: 'Approuver',
    reject: 'Rejeter',
    rejectNeedsReason: ({ id }) =>
      `Pour rejeter la proposition #${id}, veuillez indiquer le motif : topic reject ${id} <reason>`,
    approved: ({ id, position }) =>
      `Proposition #${id} approuvée : elle occupe le rang ${position} dans la file d’attente.`,
    rejected: ({ id }) => `Proposition #${id} rejetée. Le motif sera communiqué à la personne qui l’a soumise.`,
    notWaiting: ({ id }) => `Aucune proposition #${id} n’est en attente de décision.`,
    every: ({ weekday, time, zone }) => `chaque ${weekday} à ${time} (${zone})`,
    scheduleSet: ({ every, next }) =>
      `Le sujet hebdomadaire sera publié ${every}. Prochaine publication : ${next}.`,
    proposerApproved: ({ title }) =>
      `Votre proposition « ${title} » a été approuvée : elle figurera parmi les prochains sujets hebdomadaires.`,
    proposerRejected: ({ title, reason }) =>
      `Votre proposition « ${title} » n’a pas été retenue. Motif indiqué par les modérateurs : ${reason}`,
    weeklyHeader: 'Sujet de la semaine',
    weeklyFooter:
      'Veuillez répondre dans ce fil de discussion. Merci de respecter les règles du forum : respect mutuel, confidentialité et aucun contenu copié.',
    reminderQueueEmpty: ({ next }) =>
      `La file d’attente des sujets est vide et le prochain sujet hebdomadaire doit paraître le ${next}. Veuillez approuver une proposition, ou en ajouter une avec « topic propose ».`,
    slotSkipped: ({ when }) =>
      `Le sujet hebdomadaire prévu le ${when} n’a pas été publié : le bot a été arrêté pendant plus d’une journée. Cette publication a été sautée.`,
    slotEmpty: ({ when }) => `Rien n’a été publié le ${when} : la file d’attente des sujets était vide.`,
    newProposal: ({ id, title }) => `Nouvelle proposition de sujet #${id} : « ${title} ».`,
    postedNow: ({ id, channels }) => `#${id} publié dans ${channels} canal(aux) de discussion.`,
    startersOn: 'Quand la file est vide, le bot publiera un sujet tiré de sa bibliothèque de discussions.',
    closed: ({ id, title, participants, replies, threads }) =>
      `#${id} « ${title} » est clos : ${replies} réponse${replies > 1 ? 's' : ''} de ${participants} participant${participants > 1 ? 's' : ''}. La synthèse a été publiée dans ${threads} fil(s) et ajoutée à la base de connaissances.`,
    notOpen: ({ id }) => `Le sujet #${id} n’est pas ouvert à la discussion : il n’y a rien à clore.`,
    noneOpen: 'Aucun sujet n’est ouvert à la discussion en ce moment.',
    summaryTitle: 'Synthèse de la discussion',
    summaryCounts: ({ participants, replies }) =>
      `${replies} réponse${replies > 1 ? 's' : ''} de ${participants} participant${participants > 1 ? 's' : ''}.`,
    summaryNoReplies: 'Personne n’a répondu à ce sujet.',
    summaryByModel: 'Rédigée par l’assistant à partir des réponses de ce fil.',
    summaryExtractive: 'Phrases clés reprises des réponses de ce fil.',
    summaryClosedNote: 'Le sujet est clos. Cette synthèse fait désormais partie de la base de connaissances.',
    summaryDocumentHeading: 'Ce qu’a dit la communauté',
    summaryDocumentTopic: 'Le sujet',
    translated: ({ id, language }) => `#${id} : le texte en ${language} est enregistré ; le sujet sera publié avec.`,
    notTranslatable: ({ id }) => `Le sujet #${id} ne peut pas être traduit : il est inconnu, refusé ou clos.`,
    ownLanguage: ({ id, language }) => `#${id} est déjà rédigé en ${language} : indiquez une autre langue.`,
    noChannels: 'Aucun canal de discussion n’est encore configuré (DISCUSSION_CHANNELS) : aucun sujet ne peut être publié. Demandez à la personne qui gère le bot de le définir.',
    area: ({ area }) => `Domaine : ${area}`,
    general: 'Général',
  },
  moderation: {
    rulesTitle: 'Règles du forum',
    rules: {
      use: 'Le forum sert aux questions et aux échanges sur l’assistance technique entre États membres. Restez dans ce cadre.',
      respect: 'Soyez courtois et constructifs. On discute les idées, jamais les personnes.',
      confidentiality: 'Ne partagez rien de confidentiel : ni document interne, ni donnée personnelle sur autrui (adresse électronique, numéro de téléphone).',
      copyright: 'Ne publiez que ce que vous avez le droit de partager. Citez brièvement et donnez la source ; ne recopiez pas de documents entiers.',
    },
    ruleNames: { use: 'Usage', respect: 'Respect', confidentiality: 'Confidentialité', copyright: 'Droit d’auteur' },
    rulesHint: 'Règles du forum : tapez « rules » pour les lire.',
    rulesLink: 'Lire les règles du forum',
    reportFormTitle: 'Signaler un message',
    reportSubmit: 'Envoyer',
    reportReasonLabel: 'Pourquoi les modérateurs devraient-ils le regarder ? (facultatif)',
    reportReasonPlaceholder: 'Par exemple : il donne le numéro de téléphone de quelqu’un.',
    reportSent: 'Merci. Les modérateurs ont reçu votre signalement ; l’auteur du message ne sait pas qui l’a signalé.',
    reportKept: 'Merci. Votre signalement est enregistré ; aucun modérateur n’a pu être joint pour l’instant, ils le verront dans le journal.',
    reportToModerators: ({ reporter, where }) => `${reporter} a signalé un message dans ${where}.`,
    reportAuthor: 'Auteur',
    reportExcerpt: 'Message',
    reportReason: 'Motif',
    reportNoReason: '(aucun motif donné)',
    reportOpen: 'Ouvrir le message',
    notALink: ({ link }) =>
      `« ${link} » n’est pas le lien d’un message Slack ou Teams. Utilisez « Copier le lien » sur le message et collez ce lien.`,
    removed: 'Le message du bot est retiré.',
    removeForbidden: 'Ce message n’a pas été publié par le bot : il ne peut retirer que les siens.',
    removeNotFound: 'Ce message est introuvable : il a peut-être déjà été retiré.',
    notConnected: ({ platform }) => `Ce bot n’est pas connecté à ${platform} : il ne peut pas retirer ce message.`,
  },
};
