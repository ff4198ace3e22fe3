/**
 * The activities the Teams endpoint hands to botbuilder: every kind Teams sends passes; one whose
 * fields botbuilder reads have other types is refused (a `serviceUrl` that is not a string made
 * botbuilder throw and the endpoint answer 500 when the fuzz test, fuzz-platforms.test.ts, sent it).
 */
import { describe, expect, it } from 'vitest';
import { activityShaped } from '../../../adapters/teams/activity-shape.ts';
import { USER_ADA, actionExecuteInvoke, channelMessage, conversationUpdate, installationUpdate, personalMessage } from '../../support/teams-activities.ts';

const serviceUrl = 'http://127.0.0.1:9/';
const message = personalMessage({ text: 'help', serviceUrl, from: USER_ADA });

describe('the Teams activity shape', () => {
  it('lets through what Teams sends', () => {
    for (const activity of [
      message,
      channelMessage({ text: 'How is an evaluation planned?', serviceUrl, from: USER_ADA, mentionBot: true }),
      conversationUpdate({ scope: 'team', botAdded: true, serviceUrl, from: USER_ADA }),
      installationUpdate({ action: 'add', scope: 'personal', serviceUrl, from: USER_ADA }),
      actionExecuteInvoke({ verb: 'lang:set', data: { value: 'fr' }, serviceUrl, from: USER_ADA, replyToId: '1700000000001' }),
    ]) {
      expect(activityShaped(activity), JSON.stringify(activity).slice(0, 200)).toBe(true);
    }
  });

  it('refuses activities whose fields botbuilder reads are of another type', () => {
    for (const broken of [
      { ...message, serviceUrl: 42 },
      { ...message, serviceUrl: null },
      { ...message, conversation: 'a conversation' },
      { ...message, from: { id: null } },
      { ...message, type: '' },
      { ...message, entities: 'mention' },
      { ...message, membersAdded: [null] },
      [message],
      'message',
      null,
    ]) {
      expect(activityShaped(broken), JSON.stringify(broken).slice(0, 200)).toBe(false);
    }
  });
});
