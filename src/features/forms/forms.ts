/**
 * Forms: proposing a topic and creating a poll without the command syntax. The bare slash command
 * shows a menu; its buttons open the forms where the platform has them (Slack modals), and say
 * which command to type where it has not. A submission becomes the same command as typed text.
 */
import { ACTIONS } from '../../core/actions.ts';
import type { Form } from '../../core/adapter.ts';
import type { Card } from '../../core/card.ts';
import { COMMAND_SYNTAX } from '../../core/command-grammar.ts';
import { parsePollParts, type ParseResult } from '../../core/commands.ts';
import type { HandlerContext } from '../../core/context.ts';
import type { Conversation, InboundEvent } from '../../core/events.ts';
import { z } from 'zod';
import { messages, type Lang } from '../../i18n/index.ts';

export const POLL_KINDS = ['single', 'multi', 'rating'] as const;

export function menuToCard(lang: Lang): Card {
  const m = messages(lang).forms;
  return {
    lang,
    blocks: [
      { type: 'text', text: m.menuIntro },
      {
        type: 'actions',
        buttons: [
          { actionId: ACTIONS.topicForm, label: m.openTopicForm, value: '' },
          { actionId: ACTIONS.pollForm, label: m.openPollForm, value: '' },
          { actionId: ACTIONS.helpShow, label: m.showHelp, value: '' },
        ],
      },
    ],
  };
}

export function topicForm(lang: Lang): Form {
  const m = messages(lang).forms.topic;
  return {
    actionId: ACTIONS.topicProposeSubmit,
    cancelLabel: messages(lang).forms.close,
    title: m.title,
    submitLabel: m.submit,
    fields: [
      { id: 'title', label: m.titleLabel, kind: 'text', required: true, placeholder: m.titlePlaceholder },
      { id: 'description', label: m.descriptionLabel, kind: 'textarea', required: true, placeholder: m.descriptionPlaceholder },
    ],
  };
}

export function pollForm(lang: Lang): Form {
  const m = messages(lang).forms.poll;
  return {
    actionId: ACTIONS.pollCreateSubmit,
    cancelLabel: messages(lang).forms.close,
    title: m.title,
    submitLabel: m.submit,
    fields: [
      { id: 'question', label: m.questionLabel, kind: 'text', required: true },
      { id: 'options', label: m.optionsLabel, kind: 'textarea', required: false, placeholder: m.optionsPlaceholder },
      {
        id: 'kind',
        label: m.kindLabel,
        kind: 'select',
        required: true,
        options: [
          { label: m.kindSingle, value: 'single' },
          { label: m.kindMulti, value: 'multi' },
          { label: m.kindRating, value: 'rating' },
        ],
      },
      {
        id: 'anonymous',
        label: m.anonymousLabel,
        kind: 'select',
        required: true,
        options: [
          { label: m.anonymousNo, value: 'no' },
          { label: m.anonymousYes, value: 'yes' },
        ],
      },
      { id: 'closes', label: m.closesLabel, kind: 'text', required: false, placeholder: m.closesPlaceholder },
    ],
  };
}

/** Opens a form for the person, or tells them the command to type where forms cannot open. */
export async function handleOpenForm(ctx: HandlerContext, which: 'topic' | 'poll'): Promise<void> {
  const { channelId, kind } = ctx.event.conversation;
  // The conversation the form was opened from comes back with the submission: a poll is posted there.
  const form = which === 'topic' ? topicForm(ctx.lang) : { ...pollForm(ctx.lang), value: JSON.stringify({ channelId, kind }) };
  if (ctx.adapter.openForm) {
    await ctx.adapter.openForm(ctx.event, form);
    return;
  }
  const syntax = which === 'topic' ? COMMAND_SYNTAX['topic propose'] : COMMAND_SYNTAX.poll;
  await ctx.replyPrivately({ lang: ctx.lang, blocks: [{ type: 'text', text: messages(ctx.lang).forms.unavailable({ syntax }) }] });
}

/** A submitted form as the command it stands for; `undefined` for a form this version does not know. */
export function formToCommand(actionId: string, values: Record<string, string>): ParseResult | undefined {
  const value = (id: string): string => (values[id] ?? '').trim();
  switch (actionId) {
    case ACTIONS.topicProposeSubmit:
      if (!value('title')) return { ok: false, error: { topic: 'topic propose', reason: 'missing_argument', detail: '' } };
      return { ok: true, command: { kind: 'topic.propose', title: value('title'), description: value('description') } };
    case ACTIONS.pollCreateSubmit: {
      const kind = value('kind');
      const options = value('options')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0);
      return parsePollParts({
        question: value('question'),
        options,
        anonymous: value('anonymous') === 'yes',
        multi: kind === 'multi',
        rating: kind === 'rating',
        closes: value('closes') || undefined,
      });
    }
    default:
      return undefined;
  }
}

const originSchema = z.object({ channelId: z.string().min(1).max(500), kind: z.enum(['channel', 'group', 'direct']) });

/** Where a form was opened from (its `value`), on the submitter's platform and workspace; undefined when unreadable. */
export function conversationFromFormValue(value: string, event: InboundEvent): Conversation | undefined {
  try {
    const origin = originSchema.safeParse(JSON.parse(value));
    if (!origin.success) return undefined;
    return { platform: event.platform, workspaceId: event.conversation.workspaceId, channelId: origin.data.channelId, kind: origin.data.kind };
  } catch {
    return undefined;
  }
}
