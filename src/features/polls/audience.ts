/** Who could answer a poll: the members of the channels it was posted to, for response rates. */
import type { Services } from '../../core/context.ts';
import { PLATFORMS } from '../../core/events.ts';
import { pollPosts, type Poll } from '../../store/polls.ts';

/** The people in the channels a poll went to, as `platform:userId`; undefined when a platform cannot tell. */
export async function pollAudience(services: Pick<Services, 'store' | 'messenger' | 'log'>, poll: Pick<Poll, 'id'>): Promise<Set<string> | undefined> {
  const people = new Set<string>();
  const posts = await pollPosts(services.store.db, poll.id);
  if (posts.length === 0) return undefined;
  for (const post of posts) {
    const platform = PLATFORMS.find((p) => p === post.platform);
    if (!platform) return undefined;
    let members: string[] | undefined;
    try {
      members = await services.messenger.members({ platform, workspaceId: post.workspace_id, channelId: post.conversation_id, kind: 'channel' });
    } catch (error) {
      services.log.warn({ err: error, pollId: poll.id }, 'channel members not listed');
      return undefined;
    }
    if (!members) return undefined;
    for (const id of members) people.add(`${platform}:${id}`);
  }
  return people;
}
