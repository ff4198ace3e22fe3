/**
 * The app's message action: "Report to moderators" in a message's "…" menu (a message extension
 * action command, context `message`, declared in `manifest.json`). Its form is the command's static
 * parameters (`fetchTask: false`), so Teams sends one `composeExtension/submitAction` invoke with the
 * message (`value.messagePayload`) and the parameters' values (`value.data`). Read here, with zod,
 * into the core's report action.
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { ACTIONS, type ReportedMessage } from '../../src/core/actions.ts';
import type { ActionEvent } from '../../src/core/events.ts';
import { actorOf, conversationOf, teamsTextToPlain } from './inbound.ts';

/** The invoke Teams sends when a message action's form is submitted. */
export const SUBMIT_ACTION_INVOKE = 'composeExtension/submitAction';
/** The command's id in `manifest.json` (`composeExtensions[0].commands[0].id`). */
export const REPORT_MESSAGE_COMMAND_ID = 'reportMessage';
/** The command's one parameter (`parameters[0].name`): why the person reports the message. */
export const REPORT_REASON_PARAMETER = 'reason';
/** The reported message's text is cut to this (the moderators need its gist, and a link to the rest). */
export const REPORTED_TEXT_MAX_CHARS = 500;
/** A reason longer than this is cut (Teams' textarea has no limit of its own). */
export const REPORT_REASON_MAX_CHARS = 1000;

const messagePayloadSchema = z.object({
  id: z.string().min(1),
  linkToMessage: z.string().nullish(),
  body: z.object({ contentType: z.string().nullish(), content: z.string().nullish() }).nullish(),
  from: z
    .object({
      user: z.object({ id: z.string().nullish(), aadObjectId: z.string().nullish() }).nullish(),
    })
    .nullish(),
});

const submitActionSchema = z.object({
  commandId: z.string(),
  commandContext: z.string().nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
  messagePayload: messagePayloadSchema.nullish(),
});

export type SubmitActionValue = z.infer<typeof submitActionSchema>;

/** The invoke's value, or undefined when it is not a submitted message action. */
export function submitActionValueOf(activity: Partial<Activity>): SubmitActionValue | undefined {
  if (activity.type !== 'invoke' || activity.name !== SUBMIT_ACTION_INVOKE) return undefined;
  const parsed = submitActionSchema.safeParse(activity.value);
  return parsed.success ? parsed.data : undefined;
}

/** A message's body as plain text: Teams sends `html` (mentions as `<at>`) or `text`. */
function plainBody(body: z.infer<typeof messagePayloadSchema>['body']): string {
  const content = body?.content ?? '';
  const text = body?.contentType === 'text' ? content.trim() : teamsTextToPlain(content);
  return text.length > REPORTED_TEXT_MAX_CHARS ? text.slice(0, REPORTED_TEXT_MAX_CHARS) : text;
}

/** What the core needs of the reported message (its author by Entra object id where Teams gives one). */
export function reportedMessageOf(activity: Partial<Activity>, payload: z.infer<typeof messagePayloadSchema>): ReportedMessage {
  const user = payload.from?.user;
  return {
    messageId: payload.id,
    channelId: conversationOf(activity).channelId,
    authorId: user?.aadObjectId ?? user?.id ?? '',
    text: plainBody(payload.body),
    link: payload.linkToMessage ?? '',
  };
}

/**
 * "Report to moderators" submitted: the core's report action, with the message as its value and
 * the reason as the form's `reason`. Undefined for any other command, or without the message.
 */
export function submitActionToEvent(activity: Partial<Activity>, receivedAt: Date): ActionEvent | undefined {
  const value = submitActionValueOf(activity);
  if (!activity.id || value?.commandId !== REPORT_MESSAGE_COMMAND_ID || !value.messagePayload) return undefined;
  const reasonValue = value.data?.[REPORT_REASON_PARAMETER];
  const reason = typeof reasonValue === 'string' ? reasonValue.trim().slice(0, REPORT_REASON_MAX_CHARS) : '';
  return {
    id: activity.id,
    platform: 'teams',
    actor: actorOf(activity),
    conversation: conversationOf(activity),
    receivedAt,
    type: 'action',
    actionId: ACTIONS.messageReport,
    value: JSON.stringify(reportedMessageOf(activity, value.messagePayload)),
    messageId: value.messagePayload.id,
    formValues: { [REPORT_REASON_PARAMETER]: reason },
  };
}
