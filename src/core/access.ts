/**
 * Who may use the forum. A person from an allowed Slack workspace or Teams tenant is a member;
 * moderators come from configuration or the store; anyone else needs an unexpired guest role,
 * granted by a moderator (`invite`).
 * Web chat people sign in (or use the server's own machine, local access): members are in the `web`
 * realm, which is served; web guests are in `web-guest` and are served as guests, by their people row.
 */
import type { Config } from '../config.ts';
import type { Role } from '../store/index.ts';
import type { Person } from '../store/people.ts';
import type { Actor, Conversation } from './events.ts';

export type AccessDecision =
  | { allowed: true; role: Role }
  | { allowed: false; reason: 'workspace' | 'channel' }
  | { allowed: false; reason: 'guest_expired'; expiredAt: Date };

export function workspaceAllowed(access: Config['access'], platform: string, workspaceId: string): boolean {
  switch (platform) {
    case 'slack':
      return access.slackWorkspaces.includes(workspaceId);
    case 'teams':
      return access.teamsTenants.includes(workspaceId);
    case 'web':
      return workspaceId === 'web';
    default:
      return false;
  }
}

function channelAllowed(access: Config['access'], conversation: Conversation): boolean {
  if (conversation.kind === 'direct') return true;
  const forPlatform = access.channels.filter((c) => c.platform === conversation.platform);
  return forPlatform.length === 0 || forPlatform.some((c) => c.id === conversation.channelId);
}

export function isConfiguredModerator(access: Config['access'], actor: Actor): boolean {
  return access.moderators.some((m) => m.platform === actor.platform && m.id === actor.userId);
}

/**
 * Decides whether the actor may use the forum in this conversation, and with which role. Members
 * come from the allowed workspaces and tenants, in conversations of those; a guest was invited
 * personally, so is admitted wherever they reach the bot (a direct chat from their own workspace
 * too) until the expiry. The channel list applies to everyone but moderators.
 */
export function decideAccess(
  access: Config['access'],
  actor: Actor,
  conversation: Conversation,
  person: Person | undefined,
  now: Date,
): AccessDecision {
  if (isConfiguredModerator(access, actor) || person?.role === 'moderator') return { allowed: true, role: 'moderator' };
  const member = workspaceAllowed(access, actor.platform, actor.workspaceId) && workspaceAllowed(access, conversation.platform, conversation.workspaceId);
  const guest = person?.role === 'guest';
  if (!member && !guest) return { allowed: false, reason: 'workspace' };
  if (!channelAllowed(access, conversation)) return { allowed: false, reason: 'channel' };
  if (member) return { allowed: true, role: 'member' };
  const expires = person?.guest_expires_at;
  if (expires && expires.getTime() <= now.getTime()) return { allowed: false, reason: 'guest_expired', expiredAt: expires };
  return { allowed: true, role: 'guest' };
}
