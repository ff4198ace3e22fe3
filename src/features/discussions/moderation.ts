/**
 * Keeping the forum constructive: the rules (shown on join, linked from every topic, `rules`),
 * reports of messages to the moderators (a message action where the platform has one, otherwise
 * `report <link>`), and the moderators' removal of the bot's own posts. Reports and removals are
 * written to the audit log.
 */
import { personLabel } from '../membership/person-labels.ts';
import { z } from 'zod';
import { ACTIONS, type ReportedMessage } from '../../core/actions.ts';
import type { MessageRef } from '../../core/adapter.ts';
import type { Block, Card } from '../../core/card.ts';
import { textCard } from '../../core/card.ts';
import type { HandlerContext } from '../../core/context.ts';
import { isForumError } from '../../core/errors.ts';
import type { ActionEvent, Platform } from '../../core/events.ts';
import { messages, type Lang } from '../../i18n/index.ts';
import { audit } from '../../store/topics.ts';
import { tellModerators } from './publish.ts';

/** The reported message's text shown to moderators, at most this long. */
export const REPORT_EXCERPT_MAX_CHARS = 500;
/** A reason longer than this is cut. */
export const REPORT_REASON_MAX_CHARS = 1000;

const RULES = ['use', 'respect', 'confidentiality', 'copyright'] as const;

/** The platforms' own names, the same in every language. */
const PLATFORM_NAMES: Record<Platform, string> = { slack: 'Slack', teams: 'Microsoft Teams', web: 'web' };

export function rulesToCard(lang: Lang, rulesUrl?: string): Card {
  const m = messages(lang).moderation;
  const blocks: Block[] = [{ type: 'header', text: m.rulesTitle }, { type: 'fields', fields: RULES.map((rule) => ({ label: m.ruleNames[rule], value: m.rules[rule] })) }];
  if (rulesUrl) blocks.push({ type: 'links', links: [{ label: m.rulesLink, url: rulesUrl }] });
  return { lang, blocks };
}

export async function handleRules(ctx: HandlerContext): Promise<void> {
  await ctx.replyPrivately(rulesToCard(ctx.lang, ctx.services.config.rulesUrl));
}

const reportedSchema = z.object({
  messageId: z.string().min(1).max(200),
  channelId: z.string().min(1).max(500),
  authorId: z.string().max(200).default(''),
  text: z.string().default(''),
  link: z.string().max(2000).default(''),
});

function reportedOf(value: string): ReportedMessage | undefined {
  try {
    const parsed = reportedSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function actorOf(ctx: HandlerContext): string {
  return `${ctx.person.platform}:${ctx.person.userId}`;
}

function reportToCard(lang: Lang, reporter: string, platform: Platform, reported: ReportedMessage, reason: string): Card {
  const m = messages(lang).moderation;
  const fields = [
    ...(reported.authorId ? [{ label: m.reportAuthor, value: `${platform}:${reported.authorId}` }] : []),
    ...(reported.text ? [{ label: m.reportExcerpt, value: reported.text }] : []),
    { label: m.reportReason, value: reason || m.reportNoReason },
  ];
  return {
    lang,
    blocks: [
      { type: 'text', text: m.reportToModerators({ reporter, where: `${platform} ${reported.channelId}` }) },
      { type: 'fields', fields },
      ...(reported.link ? [{ type: 'links' as const, links: [{ label: m.reportOpen, url: reported.link }] }] : []),
    ],
  };
}

/** Sends a report to every moderator privately, records it, and thanks the person. */
async function sendReport(ctx: HandlerContext, reported: ReportedMessage, reason: string, platform: Platform = ctx.event.platform): Promise<void> {
  const { services, event } = ctx;
  const m = messages(ctx.lang).moderation;
  const cleaned: ReportedMessage = { ...reported, text: reported.text.replace(/\s+/g, ' ').trim().slice(0, REPORT_EXCERPT_MAX_CHARS) };
  const why = reason.trim().slice(0, REPORT_REASON_MAX_CHARS);
  await audit(
    services.store.db,
    actorOf(ctx),
    'message.report',
    `${platform}:${cleaned.channelId}:${cleaned.messageId}`,
    { reason: why, authorId: cleaned.authorId, link: cleaned.link },
    services.now(),
  );
  const named = event.actor.displayName ? `${event.actor.displayName} (${actorOf(ctx)})` : undefined;
  const told = await tellModerators(services, async (lang, moderator) =>
    reportToCard(lang, named ?? (await personLabel(services.store.db, actorOf(ctx), lang, moderator)), platform, cleaned, why),
  );
  ctx.log.info({ moderatorsTold: told }, 'message reported');
  await ctx.replyPrivately(textCard(told > 0 ? m.reportSent : m.reportKept, ctx.lang));
}

/** The message action: ask for a reason where the platform has forms, otherwise report at once. */
export async function handleReportStart(ctx: HandlerContext, event: ActionEvent): Promise<void> {
  const reported = reportedOf(event.value);
  if (!reported) {
    ctx.log.warn('report without a readable message ignored');
    return;
  }
  if (!ctx.adapter.openForm) {
    await sendReport(ctx, reported, '');
    return;
  }
  const m = messages(ctx.lang).moderation;
  await ctx.adapter.openForm(event, {
    actionId: ACTIONS.messageReport,
    title: m.reportFormTitle,
    submitLabel: m.reportSubmit,
    cancelLabel: messages(ctx.lang).forms.close,
    fields: [{ id: 'reason', label: m.reportReasonLabel, kind: 'textarea', required: false, placeholder: m.reportReasonPlaceholder }],
    value: JSON.stringify(reported),
  });
}

/** The report form submitted, or a platform's message action that carries its reason. */
export async function handleReportSubmit(ctx: HandlerContext, event: ActionEvent): Promise<void> {
  const reported = reportedOf(event.value);
  if (!reported) {
    ctx.log.warn('report without a readable message ignored');
    return;
  }
  await sendReport(ctx, reported, event.formValues?.reason ?? '');
}

/** A link as typed or as the platform wrapped it (`<https://…>`). */
function bareLink(link: string): string {
  return link.trim().replace(/^<([^>]*)>$/, '$1');
}

/** `report <link> [<reason>]`, where no message action is at hand. */
export async function handleReportCommand(ctx: HandlerContext, typed: string, reason: string): Promise<void> {
  const link = bareLink(typed);
  const ref = ctx.services.messenger.locate(link);
  if (!ref) {
    await ctx.replyPrivately(textCard(messages(ctx.lang).moderation.notALink({ link }), ctx.lang));
    return;
  }
  await sendReport(ctx, { messageId: ref.messageId, channelId: ref.conversation.channelId, authorId: '', text: '', link }, reason, ref.platform);
}

/** `remove <link>`: a moderator deletes one of the bot's own posts. */
export async function handleRemove(ctx: HandlerContext, typed: string): Promise<void> {
  const m = messages(ctx.lang).moderation;
  const link = bareLink(typed);
  const ref: MessageRef | undefined = ctx.services.messenger.locate(link);
  if (!ref) {
    await ctx.replyPrivately(textCard(m.notALink({ link }), ctx.lang));
    return;
  }
  if (!ctx.services.messenger.platforms().includes(ref.platform)) {
    await ctx.replyPrivately(textCard(m.notConnected({ platform: PLATFORM_NAMES[ref.platform] }), ctx.lang));
    return;
  }
  try {
    await ctx.services.messenger.remove(ref);
  } catch (error) {
    if (isForumError(error) && (error.code === 'forbidden' || error.code === 'not_found')) {
      ctx.log.info({ code: error.code }, 'post not removed');
      await ctx.replyPrivately(textCard(error.code === 'forbidden' ? m.removeForbidden : m.removeNotFound, ctx.lang));
      return;
    }
    throw error;
  }
  await audit(ctx.services.store.db, actorOf(ctx), 'message.remove', `${ref.platform}:${ref.conversation.channelId}:${ref.messageId}`, { link }, ctx.services.now());
  ctx.log.info('bot post removed');
  await ctx.replyPrivately(textCard(m.removed, ctx.lang));
}
