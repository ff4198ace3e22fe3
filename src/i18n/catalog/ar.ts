import type { Catalog } from './types.ts';

/**
 * Arabic is written right to left. Sentences begin with an Arabic word so that a chat client that picks
 * the direction from the first letter shows them right to left, and imperatives are avoided in favour of
 * gender-neutral forms ("يُرجى" + verbal noun). The date-time example is preceded by a left-to-right mark
 * (U+200E) so that its digits keep their order inside the Arabic sentence.
 */
export const ar: Catalog = {
  languageName: 'العربية',
  errors: {
    generic: 'عذرًا، حدث خطأ من جهتي ولم يكتمل طلبك. يُرجى المحاولة مرة أخرى بعد قليل.',
  },
  access: {
    refused:
      'هذا المنتدى مفتوح لوفود الدول الأعضاء وللضيوف الذين يدعوهم المشرف. ومساحة العمل الخاصة بك غير مدرجة في القائمة؛ لذا يُرجى التواصل مع مشرف المنتدى إذا كان من المفترض أن يُتاح لك الوصول إليه.',
    channelNotAllowed:
      'لا يعمل المنتدى في هذه القناة. يُرجى مراسلتي في إحدى قنوات المنتدى أو عبر رسالة مباشرة.',
    guestExpired: ({ date }) =>
      `انتهت صلاحية وصولك إلى المنتدى بصفة ضيف في ${date}. وإذا احتجت إليه مرة أخرى، يُرجى طلب ذلك من المشرف.`,
    moderatorOnly: ({ command }) => `يقتصر استخدام «${command}» على مشرفي المنتدى.`,
  },
  usage: {
    title: 'صيغة هذا الأمر غير صحيحة تمامًا.',
    reasons: {
      missing_argument: () => 'هناك عنصر ناقص.',
      unexpected_argument: ({ detail }) => `لم يكن «${detail}» متوقعًا في هذا الموضع.`,
      unknown_subcommand: ({ detail }) => `ليس «${detail}» من بين الخيارات المتاحة.`,
      unknown_option: ({ detail }) => `ليس «${detail}» من خيارات هذا الأمر.`,
      unterminated_quote: () => 'هناك علامة تنصيص مفتوحة لم تُغلق.',
      bad_lang: ({ detail }) => `لا أتحدث اللغة «${detail}». يُرجى اختيار ar أو en أو es أو fr أو ru أو zh.`,
      bad_weekday: ({ detail }) => `ليس «${detail}» يومًا من أيام الأسبوع.`,
      bad_time: ({ detail }) => `ليس «${detail}» وقتًا بالصيغة HH:MM (بنظام 24 ساعة).`,
      bad_time_zone: ({ detail }) => `ليس «${detail}» اسمًا لمنطقة زمنية مثل Europe/Zurich.`,
      bad_date: ({ detail }) => `ليس «${detail}» تاريخًا ووقتًا بصيغة مثل \u200E2026-12-01T17:00+01:00.`,
      bad_id: ({ detail }) => `ليس «${detail}» رقمًا صالحًا.`,
      bad_days: ({ detail }) => `ليس «${detail}» عددًا من الأيام بين 1 و365.`,
      too_few_options: () => 'يجب أن يتضمن الاستطلاع خيارين على الأقل.',
      too_many_options: () => 'يمكن أن يتضمن الاستطلاع 10 خيارات كحد أقصى.',
      options_with_rating: () => 'يطلب استطلاع التقييم منح درجة من 1 إلى 5، ولذلك لا يتضمن خيارات.',
      empty_option: () => 'أحد الخيارات فارغ.',
    },
    syntax: 'يُستخدم هذا الأمر على النحو التالي:',
    seeHelp: 'يُرجى كتابة «help» للاطلاع على جميع الأوامر.',
  },
  notYet: ({ command }) => `الأمر «${command}» غير متاح بعد، وسيُتاح في إصدار لاحق من روبوت المنتدى.`,
  lang: {
    set: 'من الآن فصاعدًا، سأراسلك باللغة العربية.',
    choose: 'يُرجى اختيار اللغة:',
  },
  help: {
    title: 'منتدى المساعدة التقنية — التعليمات',
    intro:
      'أجيب عن الأسئلة المتعلقة بالمساعدة التقنية استنادًا إلى قاعدة معارف المنتدى، وأدير موضوع النقاش الأسبوعي، وأجمع الآراء من خلال استطلاعات قصيرة.',
    commands: {
      ask: 'طرح سؤال عن المساعدة التقنية.',
      help: 'عرض هذه التعليمات.',
      lang: 'اختيار اللغة التي أستخدمها في مراسلتك.',
      experts: 'البحث عن خبراء في موضوع معيّن.',
      'topic propose': 'اقتراح موضوع لنقاش أسبوعي.',
      'topic queue': 'عرض المواضيع التي تنتظر النشر.',
      'topic approve': 'الموافقة على موضوع مقترح.',
      'topic reject': 'رفض موضوع مقترح مع بيان السبب.',
      'topic schedule': 'تحديد موعد نشر الموضوع الأسبوعي. مع ‎--starters‎ يُستعان بمكتبة مواضيع النقاش عندما تكون قائمة الانتظار فارغة.',
      'topic post-now': 'نشر الموضوع التالي فورًا.',
      'topic close': 'إغلاق موضوع هذا الأسبوع ونشر ملخصه.',
      poll: 'إنشاء استطلاع في هذه القناة.',
      'poll results': 'عرض نتائج استطلاع ومعدل الاستجابة له.',
      'poll close': 'إغلاق استطلاع.',
      'poll export': 'تنزيل إجابات استطلاع بصيغة CSV.',
      stats: 'الاطلاع على إحصاءات استخدام المنتدى.',
      unanswered: "عرض الأسئلة التي لم تتمكن قاعدة المعارف من الإجابة عنها.",
      'my-data': 'الحصول على نسخة من جميع البيانات المخزنة عنك.',
      'forget-me': 'حذف جميع البيانات المخزنة عنك.',
      invite: 'دعوة ضيف لعدد محدد من الأيام.',
    },
    moderatorSection: 'للمشرفين',
    askHint: 'يمكن أيضًا كتابة سؤالك إليّ مباشرةً، دون استخدام أي أمر.',
    footer: 'تُحفظ رسائلك إلى الروبوت إلى حين طلب حذفها باستخدام الأمر «forget-me».',
  },
  ask: {
    thinking: "جارٍ البحث في قاعدة المعارف…",
    sources: "المصادر",
    quotedFrom: ({ language }) => `مقتطفات من وثائق باللغة ${language}:`,
    abstain: "لا تتضمن قاعدة المعارف ما يجيب عن هذا السؤال، لذا أفضّل عدم التخمين.",
    closest: "أقرب الوثائق:",
    helpful: "مفيد",
    notHelpful: "غير مفيد",
    unansweredTitle: "أسئلة لم تتمكن قاعدة المعارف من الإجابة عنها",
    unansweredNone: "لا توجد أسئلة دون إجابة حتى الآن.",
    unansweredTimes: ({ count, date }) => `(${count} مرات، آخرها في ${date})`,
    thanks: "شكرًا على ملاحظاتكم.",
  },
  areas: {
    requests: 'طلب المساعدة وتقييم الاحتياجات',
    planning: 'التخطيط الاستراتيجي والاستراتيجيات الوطنية وتصميم المشاريع',
    policy: 'المشورة في مجال السياسات والتشريعات واللوائح التنظيمية',
    training: 'التدريب والندوات الإلكترونية وبناء القدرات',
    evaluation: 'الرصد والتقييم والأثر والنتائج',
    cooperation: 'التنسيق والشراكات وتبادل الخبرات',
  },
  experts: {
    title: ({ query }) => `الخبراء في موضوع «${query}»`,
    titleAll: 'الخبراء المدرجون في القائمة',
    areas: 'المجالات',
    languages: 'اللغات',
    region: 'المنطقة',
    availability: 'التوافر',
    contact: 'جهة الاتصال',
    regions: {
      africa: 'أفريقيا',
      'arab-states': 'الدول العربية',
      'asia-pacific': 'آسيا والمحيط الهادئ',
      'europe-central-asia': 'أوروبا وآسيا الوسطى',
      'latin-america-caribbean': 'أمريكا اللاتينية والبحر الكاريبي',
    },
    speaks: ({ languages }) => `خبراء يتحدثون ${languages}`,
    inRegion: ({ region }) => `المنطقة: ${region}`,
    more: ({ count }) => `عدد الخبراء الآخرين المطابقين للبحث: ${count}. يُرجى إضافة كلمات لتضييق نطاق البحث.`,
    none: ({ query }) =>
      `لا يوجد في القائمة خبير يطابق «${query}». يُرجى تجربة كلمات أعم، مثل أحد مجالات المساعدة: التقييم أو التدريب أو التخطيط أو السياسات أو الطلبات أو التعاون.`,
    noneFiltered: 'يمكنكم أيضًا إزالة عامل تصفية اللغة أو المنطقة.',
    empty: 'قائمة الخبراء فارغة حاليًا.',
    suggestTitle: 'خبراء يمكنهم المساعدة',
  },
  web: {
    title: "منتدى المساعدة التقنية",
    placeholder: "اطرح سؤالًا أو اكتب «help»…",
    send: "إرسال",
    inputLabel: "رسالتك",
    failed: "تعذّر إرسال الرسالة. يُرجى التحقق من الاتصال والمحاولة مرة أخرى.",
    localOnly: "لا تتاح الدردشة على الويب حاليًا إلا من جهاز الخادم نفسه.",
  },
  welcome: {
    memberJoined: ({ name }) =>
      `مرحبًا بك في المنتدى${name ? `، ${name}` : ''}. يسعدني الرد على أسئلتك المتعلقة بالمساعدة التقنية، ويمكن كتابة «help» للاطلاع على ما يمكنني القيام به. يُرجى الحرص على الاحترام المتبادل في النقاشات، وعدم مشاركة أي معلومات سرية.`,
    installed:
      'مرحبًا! أنا روبوت منتدى المساعدة التقنية. يسعدني تلقي أسئلتك، ويمكن كتابة «help» للاطلاع على ما يمكنني القيام به.',
  },
  forms: {
    menuIntro: 'كيف يمكنني المساعدة؟ يمكن طرح سؤال بكتابته بعد الأمر \u200E/forum، أو اختيار أحد ما يلي:',
    openTopicForm: 'اقتراح موضوع',
    openPollForm: 'إنشاء استطلاع',
    showHelp: 'التعليمات',
    close: 'إلغاء',
    unavailable: ({ syntax }) => `يتعذّر فتح النماذج هنا. يُرجى كتابة الأمر بدلًا من ذلك: ${syntax}`,
    topic: {
      title: 'اقتراح موضوع',
      submit: 'اقتراح',
      titleLabel: 'العنوان',
      titlePlaceholder: 'ما الموضوع الذي ينبغي أن يناقشه أعضاء المنتدى؟',
      descriptionLabel: 'الوصف',
      descriptionPlaceholder: 'بضع جمل: السؤال، وسبب أهميته، ومثال عليه',
    },
    poll: {
      title: 'إنشاء استطلاع',
      submit: 'إنشاء',
      questionLabel: 'السؤال',
      optionsLabel: 'الخيارات، خيار واحد في كل سطر (من 2 إلى 10)',
      optionsPlaceholder: 'نعم\nجزئيًا\nلا',
      kindLabel: 'نوع الاستطلاع',
      kindSingle: 'خيار واحد',
      kindMulti: 'خيارات متعددة',
      kindRating: 'تقييم من 1 إلى 5',
      anonymousLabel: 'إخفاء الهوية',
      anonymousNo: 'لا: تُحفظ الأسماء مع الأصوات',
      anonymousYes: 'نعم: لا تُحفظ أي أسماء',
      closesLabel: 'موعد الإغلاق (اختياري)',
      closesPlaceholder: 'مثلًا: \u200E2026-12-01 17:00 UTC',
    },
  },
  home: {
    title: 'منتدى المساعدة التقنية',
    languageIs: ({ language }) => `لغتك: ${language}. ولتغييرها:`,
    repliesGoToMessages: 'تصل الردود على ما يُختار في هذه الصفحة إلى علامة التبويب «الرسائل» (Messages).',
  },
  // Ids ("#12") and command lines are preceded by a left-to-right mark so that they keep their order; a command
  // line that ends a sentence with a bracket is closed by one too.
  topics: {
    proposed: ({ id }) =>
      `شكرًا. أُحيل اقتراحك \u200E#${id} إلى المشرفين، وسيجري إبلاغك بقرارهم.`,
    personalData:
      'قد يتضمن بيانات شخصية (عنوان بريد إلكتروني أو رقم هاتف): يُرجى التحقق منه قبل الموافقة.',
    queueTitle: 'مواضيع النقاش',
    proposalsTitle: 'اقتراحات في انتظار القرار',
    queuedTitle: 'قائمة الانتظار، بترتيب النشر',
    queueEmpty: 'لا يوجد أي اقتراح في انتظار القرار، وقائمة الانتظار فارغة.',
    item: ({ id, title, author }) => `الموضوع \u200E#${id}: ${title} — باقتراح من ${author}`,
    approve: 'موافقة',
    reject: 'رفض',
    rejectNeedsReason: ({ id }) =>
      `لرفض الاقتراح \u200E#${id}، يُرجى بيان السبب على النحو التالي: \u200Etopic reject ${id} <reason>\u200E`,
    approved: ({ id, position }) =>
      `تمت الموافقة على الاقتراح \u200E#${id}، وترتيبه في قائمة الانتظار هو ${position}.`,
    rejected: ({ id }) => `رُفض الاقتراح \u200E#${id}، وسيُبلَّغ مقدّم الاقتراح بالسبب.`,
    notWaiting: ({ id }) => `لا يوجد اقتراح \u200E#${id} في انتظار القرار.`,
    every: ({ weekday, time, zone }) => `يوم ${weekday} من كل أسبوع، الساعة ${time} (${zone})`,
    scheduleSet: ({ every, next }) => `سيُنشر الموضوع الأسبوعي ${every}. الموعد التالي: ${next}.`,
    proposerApproved: ({ title }) =>
      `تمت الموافقة على اقتراحك «${title}»، وسيكون أحد مواضيع النقاش الأسبوعية القادمة.`,
    proposerRejected: ({ title, reason }) =>
      `لم يُعتمد اقتراحك «${title}». والسبب كما بيّنه المشرفون: ${reason}`,
    weeklyHeader: 'موضوع الأسبوع',
    weeklyFooter:
      'يُرجى الرد في سلسلة الرسائل هذه، مع الالتزام بقواعد المنتدى: الاحترام، والسرية، وعدم نشر مواد منسوخة.',
    reminderQueueEmpty: ({ next }) =>
      `قائمة انتظار المواضيع فارغة، وموعد الموضوع الأسبوعي التالي هو ${next}. يُرجى الموافقة على أحد الاقتراحات، أو إضافة اقتراح باستخدام الأمر «topic propose».`,
    slotSkipped: ({ when }) =>
      `لم يُنشر الموضوع الأسبوعي الذي كان موعده ${when}، إذ كان الروبوت متوقفًا لأكثر من يوم، ولذلك جرى تخطيه.`,
    slotEmpty: ({ when }) => `لم يُنشر أي موضوع يوم ${when}، لأن قائمة انتظار المواضيع كانت فارغة.`,
    newProposal: ({ id, title }) => `اقتراح موضوع جديد ‎#${id}: «${title}».`,
    postedNow: ({ id, channels }) => `نُشر الموضوع ‎#${id} في ${channels} من قنوات النقاش.`,
    startersOn: 'عندما تكون قائمة الانتظار فارغة، سينشر البوت موضوعًا من مكتبة مواضيع النقاش.',
  },
};
