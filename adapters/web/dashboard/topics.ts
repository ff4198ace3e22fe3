/**
 * The topic queue on the dashboard: proposals, the queue, the topics open for discussion and the
 * weekly slot, read from the store; approve, reject, schedule, post now and close dispatched as the
 * moderator's commands (the core checks, audits and tells the proposer); the queue's order changed
 * with `moveQueuedTopic` (audited in the same transaction).
 */
import express from 'express';
import { z } from 'zod';
import { mayHoldPersonalData } from '../../../src/features/discussions/handle-topics.ts';
import { areaName, languageLabel } from '../../../src/features/discussions/labels.ts';
import { personLabels } from '../../../src/features/membership/person-labels.ts';
import { dashboardText } from '../../../src/i18n/dashboard/index.ts';
import type { Lang } from '../../../src/i18n/index.ts';
import type { App } from '../../../src/main.ts';
import { topicsByStatus, type TopicRow } from '../../../src/store/dashboard-reads.ts';
import { moveQueuedTopic } from '../../../src/store/topic-order.ts';
import { getSchedule } from '../../../src/store/topics.ts';
import { actorRef, dashboardLocals, dispatchCommand, eventIdField, readBody, readId, refuse } from './context.ts';

/** As the command grammar takes them (English weekday names, ISO numbering). */
const WEEKDAY_WORDS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const REASON_MAX_CHARS = 1000;

function topicJson(topic: TopicRow, lang: Lang, authors: ReadonlyMap<string, string>): Record<string, unknown> {
  return {
    id: topic.id,
    title: topic.title,
    description: topic.description,
    lang: topic.lang,
    language: languageLabel(topic.lang, lang),
    area: areaName(topic.category, lang),
    // Who proposed it, by name: never a browser's id.
    author: authors.get(topic.author) ?? topic.author,
    status: topic.status,
    position: topic.queuePosition,
    createdAt: topic.createdAt.toISOString(),
    updatedAt: topic.updatedAt.toISOString(),
    replies: topic.replies,
    personalData: mayHoldPersonalData(`${topic.title} ${topic.description}`),
  };
}

const decisionBody = z.object({ eventId: eventIdField });
const rejectBody = z.object({ eventId: eventIdField, reason: z.string().max(REASON_MAX_CHARS).optional() });
const moveBody = z.object({ position: z.number().int().min(1).max(1_000_000) });
const scheduleBody = z.object({
  eventId: eventIdField,
  weekday: z.number().int().min(1).max(7),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  timeZone: z.string().min(1).max(64).regex(/^[A-Za-z0-9_+\-/]+$/),
  starters: z.boolean().optional(),
});

export function topicRoutes(app: App): express.Router {
  const router = express.Router();
  const { db } = app.services.store;

  router.get('/', async (_req, res) => {
    const { lang, actor } = dashboardLocals(res);
    const [proposals, queue, open, schedule] = await Promise.all([
      topicsByStatus(db, 'proposed'),
      topicsByStatus(db, 'queued'),
      topicsByStatus(db, 'posted'),
      getSchedule(db),
    ]);
    const authors = await personLabels(db, [...proposals, ...queue, ...open].map((t) => t.author), lang, actor);
    res.json({
      proposals: proposals.map((t) => topicJson(t, lang, authors)),
      queue: queue.map((t) => topicJson(t, lang, authors)),
      open: open.map((t) => topicJson(t, lang, authors)),
      schedule: schedule
        ? { weekday: schedule.weekday, hour: schedule.hour, minute: schedule.minute, timeZone: schedule.time_zone, starters: schedule.use_starters }
        : null,
      discussionChannels: app.services.config.discussionChannels.length,
    });
  });

  router.post('/:id/approve', async (req, res) => {
    const id = readId(req, res);
    const body = id && readBody(req, res, decisionBody);
    if (!id || !body) return;
    res.json(await dispatchCommand(app, res, `topic approve ${id}`, body.eventId));
  });

  router.post('/:id/reject', async (req, res) => {
    const id = readId(req, res);
    const body = id && readBody(req, res, rejectBody);
    if (!id || !body) return;
    const reason = (body.reason ?? '').replace(/\s+/g, ' ').trim();
    if (!reason) return refuse(res, 400, 'reasonRequired');
    res.json(await dispatchCommand(app, res, `topic reject ${id} ${reason}`, body.eventId));
  });

  router.post('/:id/move', async (req, res) => {
    const id = readId(req, res);
    const body = id && readBody(req, res, moveBody);
    if (!id || !body) return;
    const moved = await moveQueuedTopic(db, id, body.position, actorRef(res), app.services.now());
    if (moved.outcome === 'not_queued') return refuse(res, 404, 'notFound');
    const position = moved.outcome === 'moved' ? moved.to : moved.position;
    const { lang } = dashboardLocals(res);
    res.json({ outcome: moved.outcome, position, replies: [dashboardText(lang, 'moved', { id, position })] });
  });

  router.post('/:id/close', async (req, res) => {
    const id = readId(req, res);
    const body = id && readBody(req, res, decisionBody);
    if (!id || !body) return;
    res.json(await dispatchCommand(app, res, `topic close ${id}`, body.eventId));
  });

  router.post('/post-now', async (req, res) => {
    const body = readBody(req, res, decisionBody);
    if (!body) return;
    res.json(await dispatchCommand(app, res, 'topic post-now', body.eventId));
  });

  router.post('/schedule', async (req, res) => {
    const body = readBody(req, res, scheduleBody);
    if (!body) return;
    const day = WEEKDAY_WORDS[body.weekday - 1] as string;
    const text = `topic schedule ${day} ${body.time} ${body.timeZone}${body.starters ? ' --starters' : ''}`;
    res.json(await dispatchCommand(app, res, text, body.eventId));
  });

  return router;
}
