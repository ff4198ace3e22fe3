/**
 * The closing summary without a model: the thread's content-bearing sentences, not its greetings,
 * thanks, questions or repetitions; at most five points and two per participant; the counts.
 */
import { describe, expect, it } from 'vitest';
import {
  cutAtWord,
  summarizeDiscussion,
  SUMMARY_MAX_POINTS,
  SUMMARY_MAX_POINTS_PER_AUTHOR,
  SUMMARY_POINT_MAX_CHARS,
  type DiscussionInput,
  type DiscussionReply,
} from '../../../src/features/discussions/summary.ts';

const START = Date.UTC(2025, 2, 3, 9, 0);
const MINUTE_MS = 60_000;

function reply(author: string, text: string, minute: number): DiscussionReply {
  return { author, text, at: new Date(START + minute * MINUTE_MS) };
}

const AMINA = 'slack:U01AMINA01';
const BRUNO = 'slack:U02BRUNO02';
const CLAIRE = 'slack:U03CLAIRE3';
const DIEGO = 'slack:U04DIEGO04';
const ELSA = 'slack:U05ELSA005';
const FATOU = 'teams:29:1f0a2b3c-4d5e-6f70';
const GASPARD = 'slack:U07GASPAR7';
const HANNAH = 'teams:8c2f4e6a-1b3d-4f5a-9e7c-0d1e2f3a4b5c';
const INES = 'web:9f8e7d6c-5b4a';
const JAVIER = 'slack:U08JAVIER8';

const SIX_WEEKS = "Chez nous, le délai moyen de réponse à une demande d'assistance technique est de six semaines, surtout à cause des validations successives entre ministères.";
const SIX_WEEKS_AGAIN = 'Le délai moyen de réponse est de six semaines chez nous aussi, à cause des validations successives entre ministères.';
const SINGLE_FORM = 'Dans notre administration, un formulaire de demande unique a réduit le délai de réponse de moitié.';
const FOCAL_POINT = "Nous avons aussi nommé un point focal unique pour les demandes d'assistance, ce qui évite que les dossiers se perdent entre services.";
const DASHBOARD = "Un tableau de bord partagé permet aussi de suivre le délai de chaque demande d'assistance en temps réel.";
const MONTHLY_MEETING = 'Enfin, une réunion mensuelle entre bailleurs et ministères permet de débloquer les demandes en attente depuis longtemps.';
const ENGLISH = 'In our ministry, a single request form and a focal point cut the response time for technical assistance requests from eight to three weeks.';

/** A week's thread in French, with one reply in English and one in Spanish. */
const thread: DiscussionInput = {
  title: "Délais de réponse aux demandes d'assistance technique",
  description:
    "Combien de temps vos administrations mettent-elles à répondre à une demande d'assistance technique, et qu'est-ce qui a permis de raccourcir ces délais ?",
  lang: 'fr',
  replies: [
    reply(AMINA, `Bonjour à tous ! ${SIX_WEEKS}`, 1),
    reply(BRUNO, 'Merci pour ce sujet !', 2),
    reply(CLAIRE, `Bonjour. ${SINGLE_FORM} Le formulaire oblige le pays demandeur à préciser ses besoins dès le départ.`, 3),
    reply(DIEGO, '+1', 4),
    reply(ELSA, 'Merci Amina, je confirme que les validations successives entre ministères allongent le délai de réponse de plusieurs semaines. Qui valide la demande chez vous ?', 5),
    reply(AMINA, `${FOCAL_POINT} Le point focal suit chaque demande jusqu'à la réponse.`, 6),
    reply(FATOU, "Je suis d'accord avec ce qui a été dit.", 7),
    reply(GASPARD, SIX_WEEKS_AGAIN, 8),
    reply(CLAIRE, `${DASHBOARD} Les partenaires techniques y ont accès.`, 9),
    reply(HANNAH, ENGLISH, 10),
    reply(BRUNO, "Est-ce que quelqu'un a un modèle de formulaire de demande à partager ?", 11),
    reply(CLAIRE, MONTHLY_MEETING, 12),
    reply(INES, 'Merci à tous pour ces échanges très riches !', 13),
    reply(ELSA, '@Karim le formulaire de demande unique nous intéresse beaucoup pour notre ministère.', 14),
    reply(JAVIER, 'En nuestro país, el plazo de respuesta bajó a cuatro semanas gracias a un punto focal único en el ministerio de planificación.', 15),
  ],
};

/** The author of the reply a point was taken from. */
function authorOf(point: string, input: DiscussionInput): string | undefined {
  const head = point.replace(/…$/, '').toLowerCase();
  return input.replies.find((r) => r.text.toLowerCase().includes(head))?.author;
}

describe('extractive discussion summary', () => {
  it('keeps the content-bearing sentences, in the thread order, and counts the thread', async () => {
    const summary = await summarizeDiscussion(thread);
    expect(summary).toEqual({
      method: 'extractive',
      participants: 10,
      replies: 15,
      points: [SIX_WEEKS, SINGLE_FORM, FOCAL_POINT, DASHBOARD, ENGLISH],
    });
  });

  it('leaves out greetings, thanks, agreement, questions, mentions and repetitions', async () => {
    const { points } = await summarizeDiscussion(thread);
    const all = points.join('\n');
    for (const noise of ['Bonjour', 'Merci', '+1', "d'accord", '?', '@', 'Karim', 'Amina', 'échanges très riches']) {
      expect(all).not.toContain(noise);
    }
    // Said three times (the third time after thanks): one point only.
    expect(points.filter((p) => /validations successives/.test(p))).toEqual([SIX_WEEKS]);
    expect(points).not.toContain(SIX_WEEKS_AGAIN);
  });

  it('takes at most five points and two from one participant', async () => {
    const { points } = await summarizeDiscussion(thread);
    expect(points.length).toBeLessThanOrEqual(SUMMARY_MAX_POINTS);
    const perAuthor = new Map<string, number>();
    for (const point of points) {
      const author = authorOf(point, thread);
      expect(author, point).toBeDefined();
      perAuthor.set(author as string, (perAuthor.get(author as string) ?? 0) + 1);
    }
    expect(Math.max(...perAuthor.values())).toBeLessThanOrEqual(SUMMARY_MAX_POINTS_PER_AUTHOR);
    // Claire's third idea is on the subject, but she already has two points.
    expect(points.filter((p) => authorOf(p, thread) === CLAIRE)).toEqual([SINGLE_FORM, DASHBOARD]);
    expect(points).not.toContain(MONTHLY_MEETING);
  });

  it('is deterministic, whatever order the replies arrive in', async () => {
    const first = await summarizeDiscussion(thread);
    const shuffled = { ...thread, replies: [...thread.replies].reverse() };
    expect(await summarizeDiscussion(thread)).toEqual(first);
    expect(await summarizeDiscussion(shuffled)).toEqual(first);
  });

  it('has no points for a thread without replies, or with small talk only', async () => {
    expect(await summarizeDiscussion({ ...thread, replies: [] })).toEqual({ points: [], method: 'extractive', participants: 0, replies: 0 });
    const smallTalk = await summarizeDiscussion({
      ...thread,
      replies: [reply(AMINA, 'Bonjour à tous !', 1), reply(BRUNO, '+1', 2), reply(AMINA, 'Merci beaucoup pour ce sujet.', 3), reply(CLAIRE, 'Tout à fait d’accord.', 4)],
    });
    expect(smallTalk).toEqual({ points: [], method: 'extractive', participants: 3, replies: 4 });
  });

  it('removes an opening greeting or thanks that names someone, in Spanish too', async () => {
    const { points } = await summarizeDiscussion({
      title: 'Plazos de respuesta a las solicitudes de asistencia técnica',
      description: '¿Cuánto tardan sus administraciones en responder a una solicitud de asistencia técnica?',
      lang: 'es',
      replies: [
        reply(JAVIER, 'Hola a todos, en Colombia el plazo de respuesta a las solicitudes de asistencia técnica es de un mes.', 1),
        reply(CLAIRE, 'Gracias María, en Perú el plazo de respuesta también depende de la validación del ministerio de finanzas.', 2),
        reply(DIEGO, '¡Muy buena pregunta!', 3),
        reply(ELSA, '¿Alguien tiene un modelo de solicitud de asistencia?', 4),
      ],
    });
    expect(points).toEqual([
      'En Colombia el plazo de respuesta a las solicitudes de asistencia técnica es de un mes.',
      'En Perú el plazo de respuesta también depende de la validación del ministerio de finanzas.',
    ]);
  });

  it('cuts a very long sentence at a word boundary', async () => {
    const long =
      "Dans notre ministère, la procédure de demande d'assistance technique passe par la cellule de coordination, " +
      'puis par la direction du budget, puis par le cabinet du ministre, puis par le comité interministériel de suivi, ' +
      'puis de nouveau par la cellule de coordination qui prépare la lettre officielle, ce qui explique un délai de réponse ' +
      'de deux à trois mois selon la période de l’année et la charge de travail des services concernés.';
    const { points } = await summarizeDiscussion({ ...thread, replies: [reply(AMINA, long, 1), reply(BRUNO, SINGLE_FORM, 2)] });
    const cut = points[0] as string;
    expect(long.length).toBeGreaterThan(SUMMARY_POINT_MAX_CHARS);
    expect(cut.length).toBeLessThanOrEqual(SUMMARY_POINT_MAX_CHARS);
    expect(cut.endsWith('…')).toBe(true);
    const kept = cut.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    expect(long.charAt(kept.length)).toMatch(/[\s,]/);
    expect(points[1]).toBe(SINGLE_FORM);
  });

  it('cuts Chinese text, which has no blanks, between words', () => {
    const text = '技术援助请求的答复时间取决于各部委之间的协调。'.repeat(20);
    const cut = cutAtWord(text, 50, 'zh');
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it.each([
    {
      lang: 'ar' as const,
      title: 'آجال الرد على طلبات المساعدة التقنية',
      replies: [
        'مرحبا بالجميع! في وزارتنا يستغرق الرد على طلب المساعدة التقنية ستة أسابيع بسبب تعدد الموافقات بين الوزارات.',
        'لدينا نموذج طلب موحد خفض مدة الرد على طلبات المساعدة التقنية إلى النصف تقريبا.',
        'شكرا!',
      ],
    },
    {
      lang: 'ru' as const,
      title: 'Сроки ответа на запросы о технической помощи',
      replies: [
        'Здравствуйте! В нашем министерстве ответ на запрос о технической помощи занимает шесть недель из-за согласований между министерствами.',
        'Единая форма запроса сократила срок ответа на запросы о технической помощи почти вдвое.',
        'Спасибо!',
      ],
    },
    {
      lang: 'zh' as const,
      title: '技术援助请求的答复时间',
      replies: ['大家好！在我们部里，答复技术援助请求需要六周时间，主要是因为各部委之间的多次审批。', '统一的申请表格使技术援助请求的答复时间缩短了一半。', '谢谢！'],
    },
  ])('summarises a thread in $lang', async ({ lang, title, replies }) => {
    const input: DiscussionInput = { title, description: '', lang, replies: replies.map((text, i) => reply(`slack:U0${i}PERSON0`, text, i)) };
    const summary = await summarizeDiscussion(input);
    expect(summary).toMatchObject({ method: 'extractive', participants: 3, replies: 3 });
    // The two content-bearing replies, without their greeting; not the thanks.
    expect(summary.points).toHaveLength(2);
    expect(summary.points.map((p) => authorOf(p, input))).toEqual([input.replies[0]?.author, input.replies[1]?.author]);
    expect(summary.points.join('\n')).not.toMatch(/شكرا|Спасибо|谢谢/);
  });
});
