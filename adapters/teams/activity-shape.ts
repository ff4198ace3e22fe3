/**
 * What an activity must look like before botbuilder reads it: the fields botbuilder and the
 * adapter read, with the types the Bot Framework gives them. An activity whose `serviceUrl` is a
 * number or whose `conversation` is a string would make botbuilder throw (a 500); it is answered
 * 400 instead. Other fields pass as they are.
 */
import { z } from 'zod';

/** A user, the bot or a conversation: an object with a string `id`. */
const withId = z.looseObject({ id: z.string() });
/** Fields that may also be null (some senders write null for absent); `serviceUrl` may not: botbuilder calls it. */
const optionalString = z.string().nullish();

const activityShape = z.looseObject({
  type: z.string().min(1),
  id: optionalString,
  serviceUrl: z.string().optional(),
  channelId: optionalString,
  locale: optionalString,
  text: optionalString,
  name: optionalString,
  action: optionalString,
  replyToId: optionalString,
  from: withId.optional(),
  recipient: withId.optional(),
  conversation: withId.optional(),
  channelData: z.looseObject({}).nullish(),
  entities: z.array(z.looseObject({})).nullish(),
  attachments: z.array(z.looseObject({})).nullish(),
  membersAdded: z.array(withId).optional(),
  membersRemoved: z.array(withId).optional(),
});

/** Whether a parsed JSON body is an activity botbuilder can read. */
export function activityShaped(body: unknown): boolean {
  return activityShape.safeParse(body).success;
}
