import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { decideAccess, isConfiguredModerator } from '../../src/core/access.ts';
import type { Actor, Conversation, Platform } from '../../src/core/events.ts';
import type { Role } from '../../src/store/index.ts';
import type { Person } from '../../src/store/people.ts';

const NOW = new Date('2026-06-15T12:00:00Z');

const access = loadConfig(
  {
    SLACK_ALLOWED_WORKSPACES: 'T_MEMBER',
    TEAMS_ALLOWED_TENANTS: 'tenant-member',
    MODERATORS: 'slack:U_MOD,teams:mod-aad',
  },
  {},
  '/tmp',
).access;

const withChannels = loadConfig(
  { SLACK_ALLOWED_WORKSPACES: 'T_MEMBER', ALLOWED_CHANNELS: 'slack:C_FORUM,slack:C_FORUM2', MODERATORS: 'slack:U_MOD' },
  {},
  '/tmp',
).access;

function actor(workspaceId: string, userId = 'U1', platform: Platform = 'slack'): Actor {
  return { platform, workspaceId, userId };
}

function conversation(workspaceId: string, kind: Conversation['kind'] = 'channel', channelId = 'C_GENERAL', platform: Platform = 'slack'): Conversation {
  return { platform, workspaceId, channelId, kind };
}

function person(role: Role | null, guestExpiresAt: Date | null = null, who: Actor = actor('T_OUT', 'U_GUEST')): Person {
  return {
    platform: who.platform,
    workspace_id: who.workspaceId,
    user_id: who.userId,
    display_name: null,
    role,
    lang: null,
    guest_expires_at: guestExpiresAt,
    may_propose: false,
    created_at: NOW,
    updated_at: NOW,
  };
}

describe('decideAccess: workspaces', () => {
  it('lets a member of an allowed Slack workspace in as member', () => {
    expect(decideAccess(access, actor('T_MEMBER'), conversation('T_MEMBER'), undefined, NOW)).toEqual({ allowed: true, role: 'member' });
  });

  it('lets a member of an allowed Teams tenant in', () => {
    const a = actor('tenant-member', 'aad-1', 'teams');
    expect(decideAccess(access, a, conversation('tenant-member', 'channel', '19:x', 'teams'), undefined, NOW)).toEqual({ allowed: true, role: 'member' });
  });

  it('refuses an outsider, in their own workspace or in a shared channel of ours', () => {
    expect(decideAccess(access, actor('T_OUT'), conversation('T_OUT'), undefined, NOW)).toEqual({ allowed: false, reason: 'workspace' });
    expect(decideAccess(access, actor('T_OUT'), conversation('T_MEMBER'), undefined, NOW)).toEqual({ allowed: false, reason: 'workspace' });
  });

  it('does not confuse a Slack workspace id with a Teams tenant', () => {
    const a = actor('T_MEMBER', 'aad-2', 'teams');
    expect(decideAccess(access, a, conversation('T_MEMBER', 'channel', '19:x', 'teams'), undefined, NOW)).toEqual({ allowed: false, reason: 'workspace' });
  });

  it('serves the web realm’s members, and no other web realm', () => {
    const a = actor('web', 'visitor', 'web');
    expect(decideAccess(access, a, conversation('web', 'direct', 'direct:visitor', 'web'), undefined, NOW)).toEqual({ allowed: true, role: 'member' });
    const other = actor('local', 'visitor', 'web');
    expect(decideAccess(access, other, conversation('web', 'direct', 'direct:visitor', 'web'), undefined, NOW)).toEqual({ allowed: false, reason: 'workspace' });
  });

  it('serves a web guest (realm web-guest) as a guest until the expiry, then refuses politely with the date', () => {
    const g = actor('web-guest', 'amina.guest', 'web');
    const chat = conversation('web', 'direct', 'direct:amina.guest', 'web');
    expect(decideAccess(access, g, chat, undefined, NOW)).toEqual({ allowed: false, reason: 'workspace' });
    expect(decideAccess(access, g, chat, person('guest', new Date(NOW.getTime() + 60_000), g), NOW)).toEqual({ allowed: true, role: 'guest' });
    const expiredAt = new Date(NOW.getTime() - 60_000);
    expect(decideAccess(access, g, chat, person('guest', expiredAt, g), NOW)).toEqual({ allowed: false, reason: 'guest_expired', expiredAt });
  });
});

describe('decideAccess: moderators', () => {
  it('recognises configured moderators by platform and id', () => {
    expect(isConfiguredModerator(access, actor('T_MEMBER', 'U_MOD'))).toBe(true);
    expect(isConfiguredModerator(access, actor('T_MEMBER', 'U_MOD', 'teams'))).toBe(false);
    expect(isConfiguredModerator(access, actor('T_MEMBER', 'U1'))).toBe(false);
  });

  it('gives a configured moderator the moderator role, even outside the allowed workspaces', () => {
    expect(decideAccess(access, actor('T_MEMBER', 'U_MOD'), conversation('T_MEMBER'), undefined, NOW)).toEqual({ allowed: true, role: 'moderator' });
    expect(decideAccess(access, actor('T_OUT', 'U_MOD'), conversation('T_OUT'), undefined, NOW)).toEqual({ allowed: true, role: 'moderator' });
  });

  it('gives a moderator stored in the database the moderator role', () => {
    const who = actor('T_MEMBER', 'U_STORED_MOD');
    expect(decideAccess(access, who, conversation('T_MEMBER'), person('moderator', null, who), NOW)).toEqual({ allowed: true, role: 'moderator' });
  });
});

describe('decideAccess: guests', () => {
  const guest = actor('T_OUT', 'U_GUEST');
  const inForum = conversation('T_MEMBER');

  it('lets a guest in before expiry', () => {
    const p = person('guest', new Date(NOW.getTime() + 60_000), guest);
    expect(decideAccess(access, guest, inForum, p, NOW)).toEqual({ allowed: true, role: 'guest' });
  });

  it('lets a guest without an expiry in', () => {
    expect(decideAccess(access, guest, inForum, person('guest', null, guest), NOW)).toEqual({ allowed: true, role: 'guest' });
  });

  it('refuses a guest at and after expiry, giving the date', () => {
    for (const expiredAt of [NOW, new Date(NOW.getTime() - 1)]) {
      expect(decideAccess(access, guest, inForum, person('guest', expiredAt, guest), NOW)).toEqual({
        allowed: false,
        reason: 'guest_expired',
        expiredAt,
      });
    }
  });

  it('admits an invited guest in a direct chat from their own workspace, and refuses it once expired', () => {
    const own = conversation('T_OUT', 'direct', 'D_GUEST');
    expect(decideAccess(access, guest, own, person('guest', new Date(NOW.getTime() + 60_000), guest), NOW)).toEqual({ allowed: true, role: 'guest' });
    expect(decideAccess(access, guest, own, person('guest', NOW, guest), NOW)).toMatchObject({ allowed: false, reason: 'guest_expired' });
  });

  it('holds a guest to the channel list', () => {
    const p = person('guest', new Date(NOW.getTime() + 60_000), guest);
    expect(decideAccess(withChannels, guest, conversation('T_MEMBER', 'channel', 'C_OTHER'), p, NOW)).toEqual({ allowed: false, reason: 'channel' });
    expect(decideAccess(withChannels, guest, conversation('T_MEMBER', 'channel', 'C_FORUM'), p, NOW)).toEqual({ allowed: true, role: 'guest' });
  });

  it('keeps a person of an allowed workspace a member, whatever guest row is stored', () => {
    const inside = actor('T_MEMBER', 'U_WAS_GUEST');
    expect(decideAccess(access, inside, inForum, person('guest', new Date(NOW.getTime() - 1), inside), NOW)).toEqual({ allowed: true, role: 'member' });
  });

  it('treats a stored member role from an outside workspace as an outsider', () => {
    expect(decideAccess(access, guest, inForum, person('member', null, guest), NOW)).toEqual({ allowed: false, reason: 'workspace' });
  });
});

describe('decideAccess: channel allowlist', () => {
  const member = actor('T_MEMBER');

  it('serves every channel when no channel is listed for the platform', () => {
    expect(decideAccess(access, member, conversation('T_MEMBER', 'channel', 'C_ANY'), undefined, NOW)).toMatchObject({ allowed: true });
  });

  it('serves the listed channels only', () => {
    expect(decideAccess(withChannels, member, conversation('T_MEMBER', 'channel', 'C_FORUM2'), undefined, NOW)).toEqual({ allowed: true, role: 'member' });
    expect(decideAccess(withChannels, member, conversation('T_MEMBER', 'channel', 'C_OTHER'), undefined, NOW)).toEqual({ allowed: false, reason: 'channel' });
    expect(decideAccess(withChannels, member, conversation('T_MEMBER', 'group', 'G_PRIVATE'), undefined, NOW)).toEqual({ allowed: false, reason: 'channel' });
  });

  it('always serves direct messages in an allowed workspace', () => {
    expect(decideAccess(withChannels, member, conversation('T_MEMBER', 'direct', 'D_123'), undefined, NOW)).toEqual({ allowed: true, role: 'member' });
  });

  it('still refuses direct messages from an outsider', () => {
    expect(decideAccess(withChannels, actor('T_OUT'), conversation('T_OUT', 'direct', 'D_9'), undefined, NOW)).toEqual({ allowed: false, reason: 'workspace' });
  });

  it('lets a moderator act in any channel', () => {
    expect(decideAccess(withChannels, actor('T_MEMBER', 'U_MOD'), conversation('T_MEMBER', 'channel', 'C_OTHER'), undefined, NOW)).toEqual({ allowed: true, role: 'moderator' });
  });

  it('applies the list of one platform only to that platform', () => {
    const teams = loadConfig({ TEAMS_ALLOWED_TENANTS: 'tn', ALLOWED_CHANNELS: 'slack:C_FORUM' }, {}, '/tmp').access;
    const a = actor('tn', 'aad', 'teams');
    expect(decideAccess(teams, a, conversation('tn', 'channel', '19:any', 'teams'), undefined, NOW)).toEqual({ allowed: true, role: 'member' });
  });
});
