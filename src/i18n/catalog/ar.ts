import type { Catalog } from './types.ts';
import { plural } from '../plural.ts';

/**
 * A counted noun in Arabic, in the form its number calls for (as after a preposition): the noun alone with
 * "واحد" for 1, the dual for 2, the plural for 3 to 10, the singular accusative for 11 to 99, the singular
 * genitive for hundreds; the last digits of n decide, as in "103 أيام".
 */
const counted = (n: number, forms: { one: string; two: string; few: string; many: string; other: string }): string => {
  if (n === 1) return forms.one;
  if (n === 2) return forms.two;
  const rest = n % 100;
  if (rest >= 3 && rest <= 10) return `${n} ${forms.few}`;
  if (rest >= 11) return `${n} ${forms.many}`;
  return `${n} ${forms.other}`;
};

const days = (n: number): string => counted(n, { one: 'يوم واحد', two: 'يومين', few: 'أيام', many: 'يومًا', other: 'يوم' });

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
      stray_quote: ({ detail }) => `علامة التنصيص في «${detail}» لا تفتح نصًا ولا تغلقه: يبدو أن علامة تنصيص قبلها لم تُغلق.`,
      bad_link: ({ detail }) => `«${detail}» ليس رابط رسالة. انسخ رابط الرسالة (يبدأ بـ https://) والصقه هنا.`,
      unknown_command: ({ detail }) => `«${detail}» ليس أمرًا. اكتب «help» وحدها لعرض قائمة الأوامر، أو اطرح سؤالك بدون «help».`,
      bad_lang: ({ detail }) => `لا أتحدث اللغة «${detail}». يُرجى اختيار ar أو en أو es أو fr أو ru أو zh.`,
      bad_weekday: ({ detail }) => `ليس «${detail}» يومًا من أيام الأسبوع.`,
      bad_time: ({ detail }) => `ليس «${detail}» وقتًا بالصيغة HH:MM (بنظام 24 ساعة).`,
      bad_time_zone: ({ detail }) => `ليس «${detail}» اسمًا لمنطقة زمنية مثل Europe/Zurich.`,
      bad_date: ({ detail }) => `ليس «${detail}» تاريخًا ووقتًا بصيغة مثل \u200E2026-12-01T17:00+01:00.`,
      bad_id: ({ detail }) => `ليس «${detail}» رقمًا صالحًا.`,
      bad_days: ({ detail }) => `ليس «${detail}» عددًا من الأيام بين 1 و365.`,
      bad_user: ({ detail }) => `لا يشير «${detail}» إلى أي شخص. يُرجى الإشارة إلى الشخص المعني، مثل @name.`,
      too_few_options: () => 'يجب أن يتضمن الاستطلاع خيارين على الأقل.',
      too_many_options: () => 'يمكن أن يتضمن الاستطلاع 10 خيارات كحد أقصى.',
      options_with_rating: () => 'يطلب استطلاع التقييم منح درجة من 1 إلى 5، ولذلك لا يتضمن خيارات.',
      empty_option: () => 'أحد الخيارات فارغ.',
    },
    syntax: 'يُستخدم هذا الأمر على النحو التالي:',
    seeHelp: 'يُرجى كتابة «help» للاطلاع على جميع الأوامر.',
  },
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
      'topic translate': 'إضافة عنوان الموضوع ووصفه بلغة أخرى.',
      poll: 'إنشاء استطلاع في هذه القناة.',
      'poll template': 'نشر استطلاع جاهز: استبيان الرضا بعد الندوة عبر الإنترنت.',
      'poll results': 'عرض نتائج استطلاع ومعدل الاستجابة له.',
      'poll close': 'إغلاق استطلاع.',
      'poll export': 'تنزيل إجابات استطلاع بصيغة CSV.',
      stats: 'الاطلاع على إحصاءات استخدام المنتدى.',
      unanswered: "عرض الأسئلة التي لم تتمكن قاعدة المعارف من الإجابة عنها.",
      'my-data': 'الحصول على نسخة من جميع البيانات المخزنة عنك.',
      'forget-me': 'حذف جميع البيانات المخزنة عنك.',
      invite: 'دعوة ضيف لعدد محدد من الأيام (30 يومًا ما لم يُحدَّد غير ذلك)؛ ويقدّم الأعضاء طلباتهم إلى المشرفين.',
      guests: 'عرض قائمة الضيوف ومواعيد انتهاء وصولهم والطلبات التي تنتظر القرار.',
      revoke: 'إنهاء وصول أحد الضيوف فورًا.',
      rules: 'قراءة قواعد المنتدى.',
      report: 'الإبلاغ عن رسالة إلى المشرفين عبر رابطها.',
      remove: 'حذف رسالة نشرها البوت عبر رابطها.',
    },
    moderatorSection: 'للمشرفين',
    askHint: 'يمكن أيضًا كتابة سؤالك إليّ مباشرةً، دون استخدام أي أمر.',
    footer: 'تُحفظ رسائلك إلى الروبوت إلى حين طلب حذفها باستخدام الأمر «forget-me».',
  },
  ask: {
    thinking: "جارٍ البحث في قاعدة المعارف…",
    sources: "المصادر",
    alsoFound: 'وفي الوثائق أيضاً:',
    quotedFrom: ({ language }) => `مقتطفات من وثائق باللغة ${language}:`,
    abstain: "لا تتضمن قاعدة المعارف ما يجيب عن هذا السؤال، لذا أفضّل عدم التخمين.",
    closest: "أقرب الوثائق:",
    helpful: "مفيد",
    notHelpful: "غير مفيد",
    unansweredTitle: "أسئلة لم تتمكن قاعدة المعارف من الإجابة عنها",
    unansweredNone: "لا توجد أسئلة دون إجابة حتى الآن.",
    unansweredTimes: ({ count, date }) => `(${plural('ar', count, { zero: 'لا مرة', one: 'مرة واحدة', two: 'مرتان', few: '{n} مرات', many: '{n} مرة', other: '{n} مرة' })}، آخرها في ${date})`,
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
    greeting: 'مرحبًا! أجيب عن الأسئلة المتعلقة بالمساعدة التقنية من وثائق المنتدى، مع ذكر مصادرها. اطرح سؤالك بكلماتك، أو جرّب أحد هذه الأسئلة، أو اكتب «\u2066help\u2069» لترى كل ما أستطيع فعله.',
    examples: ['كيف تطلب دولة عضو المساعدة التقنية؟', 'كيف تقاس نتائج المساعدة التقنية؟'],
    send: "إرسال",
    inputLabel: "رسالتك",
    failed: "تعذّر إرسال الرسالة. يُرجى التحقق من الاتصال والمحاولة مرة أخرى.",
    chatTitle: "اسأل الروبوت",
    forumTitle: "موضوع الأسبوع",
    forumEmpty: "لم يُنشر أي موضوع هنا بعد.",
    forumEarlier: "المواضيع السابقة",
    forumPosts: "استطلاعات وإشعارات",
    forumReplies: "الردود",
    forumNoReplies: "لا توجد ردود بعد: شارك تجربتك لبدء النقاش.",
    replyLabel: "ردّك",
    replyPlaceholder: "شارك تجربتك أو اطرح سؤالًا على الآخرين…",
    replySend: "إرسال الرد",
    replyRefused: "تعذّر نشر ردّك: ليس لديك إذن بالمشاركة في هذا النقاش. يُرجى التواصل مع مشرف المنتدى.",
    tooLong: "رسالتك أطول من {max} حرف، وهو الحد الأقصى للرسالة. يُرجى اختصارها أو إرسالها على أجزاء.",
    you: "أنت",
    participant: "مشارك",

    signInTitle: "تسجيل الدخول",
    signInIntro: "سجّل الدخول باسم المستخدم وكلمة المرور اللذين أعطاك إياهما مشرف المنتدى، أو افتح رابط تسجيل الدخول الذي تلقّيته.",
    loginLabel: "اسم المستخدم",
    passwordLabel: "كلمة المرور",
    signInButton: "تسجيل الدخول",
    signInNeeded: "يُرجى تسجيل الدخول لاستخدام دردشة المنتدى.",
    signInFailed: "اسم المستخدم أو كلمة المرور غير صحيحة. يُرجى المحاولة مرة أخرى.",
    signInLinkInvalid: "انتهت صلاحية رابط تسجيل الدخول هذا أو سبق استخدامه. اطلب رابطًا جديدًا من مشرف المنتدى.",
    tooManyAttempts: "محاولات تسجيل دخول كثيرة جدًا. يُرجى الانتظار 15 دقيقة ثم المحاولة مرة أخرى.",
    csrfFailed: "انتهت صلاحية هذه الصفحة. يُرجى إعادة تحميلها والمحاولة مرة أخرى.",
    signOut: "تسجيل الخروج",
    signedInAs: "مسجّل الدخول باسم {name}",
    widgetOpen: "فتح دردشة المنتدى",
    widgetClose: "إغلاق دردشة المنتدى",
    widgetFrameTitle: "دردشة منتدى المساعدة التقنية",
    widgetBlocked: "لا يمكن فتح دردشة المنتدى على هذا الموقع بعد. على من يدير روبوت المنتدى أن يضيف \u2066{origin}\u2069 إلى \u2066WEB_EMBED_ORIGINS\u2069 في إعداداته ثم يعيد تشغيله.",
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
    postedNow: ({ id, channels }) => `نُشر الموضوع ‎#${id} في ${plural('ar', channels, { one: 'قناة نقاش واحدة', two: 'قناتَي نقاش', few: '{n} قنوات نقاش', many: '{n} قناة نقاش', other: '{n} قناة نقاش' })}.`,
    startersOn: 'عندما تكون قائمة الانتظار فارغة، سينشر البوت موضوعًا من مكتبة مواضيع النقاش.',
    closed: ({ id, title, participants, replies, threads }) =>
      `أُغلق الموضوع #${id} «${title}»: ${plural('ar', replies, { one: 'رد واحد', two: 'ردّان', few: '{n} ردود', many: '{n} ردًا', other: '{n} رد' })} من ${plural('ar', participants, { one: 'مشارك واحد', two: 'مشاركَين', few: '{n} مشاركين', many: '{n} مشاركًا', other: '{n} مشارك' })}. نُشر الملخص في ${plural('ar', threads, { one: 'سلسلة واحدة', two: 'سلسلتين', few: '{n} سلاسل', many: '{n} سلسلة', other: '{n} سلسلة' })} وأُضيف إلى قاعدة المعارف.`,
    closedEmpty: ({ id, title, threads }) =>
      `أُغلق الموضوع #${id} «${title}». لم يرد أحد، فلم يُضف شيء إلى قاعدة المعارف؛ ونُشر الإشعار في ${plural('ar', threads, { one: 'سلسلة واحدة', two: 'سلسلتين', few: '{n} سلاسل', many: '{n} سلسلة', other: '{n} سلسلة' })}.`,
    notOpen: ({ id }) => `الموضوع #${id} ليس مفتوحًا للنقاش، فلا شيء لإغلاقه.`,
    noneOpen: 'لا يوجد موضوع مفتوح للنقاش حاليًا.',
    summaryTitle: 'ملخص النقاش',
    summaryCounts: ({ participants, replies }) => `${replies} ردًا من ${participants} مشاركًا.`,
    summaryNoReplies: 'لم يرد أحد على هذا الموضوع.',
    summaryByModel: 'كتبه المساعد انطلاقًا من الردود في هذه السلسلة.',
    summaryExtractive: 'جمل رئيسية مأخوذة من الردود في هذه السلسلة.',
    summaryClosedNote: 'أُغلق الموضوع. أصبح هذا الملخص جزءًا من قاعدة المعارف.',
    summaryClosedEmptyNote: 'أُغلق الموضوع. لم يرد أحد، فلم يُضف شيء إلى قاعدة المعارف.',
    summaryDocumentHeading: 'ما قاله المجتمع',
    summaryDocumentTopic: 'الموضوع',
    translated: ({ id, language }) => `#${id}: حُفظ النص باللغة ${language}، وسيُنشر الموضوع معه.`,
    notTranslatable: ({ id }) => `لا يمكن ترجمة الموضوع #${id}: إنه غير معروف أو مرفوض أو مغلق.`,
    ownLanguage: ({ id, language }) => `الموضوع #${id} مكتوب أصلًا باللغة ${language}: اختاروا لغة أخرى.`,
    noChannels: 'لم تُضبط بعد أي قناة نقاش (DISCUSSION_CHANNELS)، لذا لا يمكن نشر أي موضوع. اطلبوا من مسؤول البوت ضبطها.',
    area: ({ area }) => `المجال: ${area}`,
    general: 'عام',
  },
  privacy: {
    myDataTitle: 'كل ما يحفظه المنتدى عنكم',
    myDataSent: ({ file }) => `الملف ${file} موجود في رسائلكم المباشرة مع البوت.`,
    forgetAsk: 'سيؤدي هذا إلى حذف كل ما يحفظه المنتدى عنكم: أسئلتكم وتقييماتكم وردودكم ومقترحاتكم غير المعتمدة ولغتكم ودوركم. تبقى أصواتكم والأرقام مجرد أعداد مجهولة الهوية، وتبقى المواضيع والاستطلاعات التي أطلقتموها دون اسمكم. لا يمكن التراجع عن ذلك.',
    forgetButton: 'حذف كل شيء',
    forgotten: 'تم: لم يعد أي شيء يحفظه المنتدى يشير إليكم. لا تبقى إلا أعداد مجهولة الهوية.',
  },
  stats: {
    title: ({ weeks }) => `استخدام المنتدى: آخر ${weeks} أسابيع`,
    byWeek: 'حسب الأسبوع',
    week: ({ week, active, questions, share }) => `أسبوع ${week}: ${active} نشطون، ${questions} أسئلة (${share} أُجيب عنها)`,
    webWorkspace: 'الدردشة على الويب',
    byWorkspace: 'حسب مساحة العمل أو المستأجر',
    workspace: ({ name, active, questions, share }) => `${name}: ${active} نشطون، ${questions} أسئلة (${share} أُجيب عنها)`,
    topics: 'أحدث المواضيع',
    topic: ({ id, title, replies, participants }) => `#${id} ${title}: ${replies} ردود من ${participants} مشاركين`,
    polls: 'أحدث الاستطلاعات',
    poll: ({ id, question, voters, open }) => `#${id} ${question}: ${voters} مصوّتين${open ? ' (مفتوح)' : ''}`,
    pollRate: ({ members, rate }) =>
      `أجاب ${rate} من ${counted(members, { one: 'عضو واحد', two: 'عضوين', few: 'أعضاء', many: 'عضوًا', other: 'عضو' })}`,
    unanswered: 'أسئلة لم تتمكن قاعدة المعارف من الإجابة عنها',
    unansweredItem: ({ question, times }) => `${question} (${times}×)`,
    nothingYet: 'لم يُسجَّل شيء بعد: تظهر الأرقام مع استخدام المنتدى.',
  },
  polls: {
    label: ({ id }) => `استطلاع #${id}`,
    kindSingle: 'اختيار واحد',
    kindMulti: 'يمكن اختيار أكثر من خيار',
    kindRating: 'قيّموا من 1 (منخفض) إلى 5 (مرتفع)',
    anonymousNote: 'مجهول الهوية: لا يُحفظ من صوّت لماذا',
    closesAt: ({ date }) => `يُغلق في ${date}`,
    openNote: 'مفتوح بلا موعد إغلاق',
    closedNote: 'مغلق: النتائج النهائية',
    voters: ({ count }) => `عدد المصوّتين: ${count}`,
    average: ({ value }) => `المتوسط ${value} / 5`,
    created: ({ id, channels }) => `نُشر الاستطلاع #${id} في ${channels} محادثة. النتائج: "poll results ${id}"، والإغلاق: "poll close ${id}".`,
    notPosted: 'تعذّر نشر الاستطلاع: أضيفوا البوت إلى هذه القناة أولًا (أو استخدموا --discussion لقنوات النقاش).',
    closesInPast: 'موعد الإغلاق هذا قد مضى. حدّدوا موعدًا قادمًا، مثل 2026-12-01T17:00Z.',
    closedNotice: ({ question }) => `الاستطلاع «${question}» مغلق: لم يُحتسب صوتكم.`,
    notFound: ({ id }) => `لا يوجد استطلاع #${id}.`,
    notYours: ({ id }) => `لا يمكن ذلك إلا لمنشئ الاستطلاع #${id} وللمشرفين.`,
    alreadyClosed: ({ id }) => `الاستطلاع #${id} مغلق بالفعل.`,
    closedDone: ({ id }) => `أُغلق الاستطلاع #${id}، وتظهر عليه نتائجه النهائية.`,
    closedCreator: ({ id, question, voters }) => `أُغلق استطلاعكم #${id} «${question}» بعدد مصوّتين ${voters}. التفاصيل: poll results ${id}.`,
    resultsTitle: ({ id }) => `نتائج الاستطلاع #${id}`,
    responseRate: ({ voters, members, rate }) => `نسبة المشاركة: ${voters} من ${members} عضوًا (${rate}).`,
    responseRateUnknown: ({ voters }) => `عدد المصوّتين: ${voters}. لا يمكن حساب نسبة المشاركة: يتعذّر سرد أعضاء هذه القنوات هنا.`,
    exportTitle: ({ id }) => `إجابات الاستطلاع #${id} (CSV)`,
    exportSent: ({ file }) => `الملف ${file} موجود في رسائلكم المباشرة مع البوت.`,
    exportAnonymous: 'استطلاع مجهول الهوية: عدد الأصوات لكل خيار فقط، دون سطر لكل شخص.',
    reminder: ({ question, date }) => `تذكير: يُغلق الاستطلاع «${question}» في ${date}. يكفي نقرة واحدة: صوّتوا في الاستطلاع أعلاه.`,
    templatePosted: ({ count }) => `نُشر الاستبيان: ${count} استطلاعات، بنقرة واحدة لكل منها. رقم كل استطلاع ظاهر عليه لاستخدامه مع poll results وpoll close.`,
    unknownTemplate: ({ name, names }) => `لا يوجد نموذج استطلاع باسم «${name}». النماذج: ${names}.`,
    webinar: {
      satisfaction: 'إجمالًا، ما مدى رضاكم عن الندوة عبر الإنترنت؟',
      useful: 'هل كان المحتوى مفيدًا لعملكم؟',
      usefulOptions: ['نعم', 'جزئيًا', 'لا'],
      again: 'هل ستشاركون في جلسة أخرى حول هذا الموضوع؟',
      againOptions: ['نعم', 'ربما', 'لا'],
    },
  },
  moderation: {
    rulesTitle: 'قواعد المنتدى',
    rules: {
      use: 'المنتدى مخصص للأسئلة والتبادل حول المساعدة التقنية بين الدول الأعضاء. التزموا بهذا الموضوع.',
      respect: 'كونوا مهذبين وبنّائين. ناقشوا الأفكار لا الأشخاص.',
      confidentiality: 'لا تشاركوا أي شيء سري: لا وثائق داخلية ولا بيانات شخصية عن الآخرين (بريد إلكتروني، أرقام هواتف).',
      copyright: 'لا تنشروا إلا ما يحق لكم مشاركته. اقتبسوا باختصار مع ذكر المصدر، ولا تنسخوا وثائق كاملة.',
    },
    ruleNames: { use: 'الاستخدام', respect: 'الاحترام', confidentiality: 'السرية', copyright: 'حقوق المؤلف' },
    rulesHint: 'قواعد المنتدى: اكتبوا "rules" لقراءتها.',
    rulesLink: 'قراءة قواعد المنتدى',
    reportFormTitle: 'الإبلاغ عن رسالة',
    reportSubmit: 'إرسال',
    reportReasonLabel: 'لماذا ينبغي للمشرفين الاطلاع عليها؟ (اختياري)',
    reportReasonPlaceholder: 'مثلًا: تتضمن رقم هاتف شخص ما.',
    reportSent: 'شكرًا. تلقى المشرفون بلاغكم؛ ولا يعرف كاتب الرسالة من أبلغ عنها.',
    reportKept: 'شكرًا. سُجّل بلاغكم؛ تعذّر الوصول إلى أي مشرف الآن، وسيطّلعون عليه في السجل.',
    reportToModerators: ({ reporter, where }) => `أبلغ ${reporter} عن رسالة في ${where}.`,
    reportAuthor: 'الكاتب',
    reportExcerpt: 'الرسالة',
    reportReason: 'السبب',
    reportNoReason: '(لم يُذكر سبب)',
    reportOpen: 'فتح الرسالة',
    notALink: ({ link }) => `«${link}» ليس رابط رسالة في Slack أو Teams. استخدموا «نسخ الرابط» على الرسالة والصقوا ذلك الرابط.`,
    removed: 'حُذفت رسالة البوت.',
    removeForbidden: 'هذه الرسالة ليست من منشورات البوت: لا يمكنه حذف إلا رسائله.',
    removeNotFound: 'تعذّر العثور على هذه الرسالة: ربما حُذفت من قبل.',
    notConnected: ({ platform }) => `هذا البوت غير متصل بـ ${platform}، لذا لا يمكنه حذف تلك الرسالة.`,
  },
  membership: {
    localYou: 'أنت، على هذا الحاسوب',
    localOther: 'شخص آخر على هذا الحاسوب',
    notFound: ({ user }) =>
      `تعذّر العثور على ${user}. يُرجى الإشارة إلى الشخص (@name) في محادثة يشارك فيها مع الروبوت.`,
    alreadyMember: ({ name }) =>
      `ينتمي ${name} إلى مساحة عمل أو مستأجر تابع لإحدى الدول الأعضاء، ولذلك يمكنه استخدام المنتدى بالفعل.`,
    alreadyModerator: ({ name }) => `يُعدّ ${name} بالفعل أحد مشرفي المنتدى.`,
    invited: ({ name, date, mayPropose }) =>
      `مُنح ${name} صفة ضيف في المنتدى حتى ${date}. ${mayPropose ? 'ويحق للضيف طرح الأسئلة والمشاركة في الاستطلاعات واقتراح المواضيع.' : 'ويحق للضيف طرح الأسئلة والمشاركة في الاستطلاعات، دون اقتراح المواضيع.'}`,
    welcomeGuest: ({ date }) =>
      `تمت دعوتك إلى المنتدى بصفة ضيف حتى ${date}. يسعدني تلقي أسئلتك، ويمكن كتابة «help» للاطلاع على ما يمكنك القيام به.`,
    requestSent: ({ name, days: n }) =>
      `أُحيل طلب دعوة ${name} لمدة ${days(n)} إلى المشرفين، وسيجري إبلاغك عندما يتخذ أحدهم قراره.`,
    newRequest: ({ id, requester, name, days: n }) =>
      `الطلب \u200E#${id}: يطلب ${requester} دعوة ${name} بصفة ضيف لمدة ${days(n)}.`,
    approve: 'موافقة',
    decline: 'رفض',
    approved: ({ name, date }) => `تمت الموافقة: مُنح ${name} صفة ضيف في المنتدى حتى ${date}.`,
    declined: ({ name }) => `رُفض الطلب: لن تُوجَّه دعوة إلى ${name}.`,
    requestApproved: ({ name, date }) =>
      `وافق أحد المشرفين على طلبك: مُنح ${name} صفة ضيف في المنتدى حتى ${date}.`,
    requestDeclined: ({ name }) => `رفض أحد المشرفين طلبك الخاص بدعوة ${name}.`,
    alreadyDecided: ({ approved }) =>
      approved ? 'سبق أن وافق مشرف آخر على هذا الطلب.' : 'سبق أن رفض مشرف آخر هذا الطلب.',
    requestUnknown: 'هذا الطلب غير موجود.',
    guestsCannotInvite:
      'لا يمكن للضيوف دعوة أشخاص آخرين. يُرجى التوجه بالطلب إلى أحد أعضاء المنتدى أو إلى أحد المشرفين.',
    guestCannotPropose:
      'يمكنك بصفتك ضيفًا طرح الأسئلة والمشاركة في الاستطلاعات. أما اقتراح المواضيع فيتطلب إذن المشرف، لذا يُرجى طلبه منه.',
    claimOffer:
      'لا يوجد مشرف لهذا المنتدى بعد. وبما أنك تستخدمه على جهاز الخادم نفسه، يمكنك أن تصبح مشرفه: المواضيع والاستطلاعات والإحصاءات ولوحة التحكم.',
    claimButton: 'كن مشرفًا',
    claimDone:
      'أصبحت الآن مشرفًا على هذا المنتدى. يُرجى كتابة «help» للاطلاع على أوامر المشرفين.',
    claimRefused:
      'لا يمكن أن يصبح مشرفًا إلا من يستخدم الدردشة على الويب من جهاز الخادم نفسه، وذلك ما دام المنتدى بلا مشرف.',
    onlyModeratorsDecide: 'يقتصر البتّ في الدعوات على مشرفي المنتدى.',
    guestsTitle: 'ضيوف المنتدى',
    guestActive: ({ name, date, mayPropose }) => `${name}: حتى ${date}${mayPropose ? '، مع إذن باقتراح المواضيع' : ''}`,
    guestEnded: ({ name, date }) => `${name}: انتهى الوصول في ${date}`,
    noGuests: 'لا يوجد ضيوف.',
    pendingTitle: 'طلبات في انتظار القرار',
    revoked: ({ name }) => `أُنهي وصول ${name} إلى المنتدى بصفة ضيف.`,
    notAGuest: ({ name }) => `ليس ${name} ضيفًا على المنتدى.`,
  },
  files: {
    declined: ({ file }) => `لقد رفضت ${file}: لم يُرسَل الملف.`,
    expired: 'هذا الملف لم يعد متاحًا: تنتظر الملفات الرد ساعة واحدة على الأكثر، ولا تبقى بعد إعادة تشغيل البوت. يُرجى طلبه مرة أخرى.',
    notYours: 'أُعدّ هذا الملف لشخص آخر: هو وحده من يمكنه قبوله.',
    uploadFailed: ({ file }) => `تعذّر رفع ${file} إلى OneDrive الخاص بك. يُرجى طلبه مرة أخرى.`,
  },
};
