/**
 * Members' requests that someone be invited as a guest. A request is decided once: the decision is
 * one conditional update, so two moderators clicking at the same time cannot both decide it, and
 * an approval grants the guest role in the same transaction.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, GuestRequestsTable } from './schema.ts';
import { writeRoleGrant, type PersonKey } from './people.ts';

export type GuestRequest = Selectable<GuestRequestsTable>;

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createGuestRequest(
  db: Kysely<Database>,
  request: { guest: PersonKey; displayName: string | undefined; days: number; requestedBy: string; now: Date },
): Promise<GuestRequest> {
  const { guest, displayName, days, requestedBy, now } = request;
  return db
    .insertInto('guest_requests')
    .values({
      platform: guest.platform,
      workspace_id: guest.workspaceId,
      user_id: guest.userId,
      display_name: displayName ?? null,
      days,
      requested_by: requestedBy,
      requested_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findGuestRequest(db: Kysely<Database>, id: number): Promise<GuestRequest | undefined> {
  return db.selectFrom('guest_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function pendingGuestRequests(db: Kysely<Database>): Promise<GuestRequest[]> {
  return db.selectFrom('guest_requests').selectAll().where('status', '=', 'pending').orderBy('id').execute();
}

export type GuestDecision =
  | { outcome: 'decided'; request: GuestRequest; expiresAt: Date | null }
  | { outcome: 'already'; request: GuestRequest }
  | { outcome: 'unknown' };

/**
 * Approves or declines a pending request, once. An approval makes the person a guest for the
 * request's days from now (not allowed to propose topics) and writes the audit row, in the same
 * transaction as the decision.
 */
export async function decideGuestRequest(
  db: Kysely<Database>,
  decision: { id: number; approve: boolean; by: string; now: Date },
): Promise<GuestDecision> {
  const { id, approve, by, now } = decision;
  return db.transaction().execute(async (trx): Promise<GuestDecision> => {
    const decided = await trx
      .updateTable('guest_requests')
      .set({ status: approve ? 'approved' : 'declined', decided_by: by, decided_at: now })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!decided) {
      const existing = await trx.selectFrom('guest_requests').selectAll().where('id', '=', id).executeTakeFirst();
      return existing ? { outcome: 'already', request: existing } : { outcome: 'unknown' };
    }
    if (!approve) {
      await trx
        .insertInto('audit_log')
        .values({ at: now, actor: by, subject: `${decided.platform}:${decided.user_id}`, action: 'guest.decline', detail: JSON.stringify({ request: id, requestedBy: decided.requested_by }) })
        .execute();
      return { outcome: 'decided', request: decided, expiresAt: null };
    }
    const expiresAt = new Date(now.getTime() + decided.days * DAY_MS);
    const guest = { platform: decided.platform, workspaceId: decided.workspace_id, userId: decided.user_id };
    await writeRoleGrant(trx, { key: guest, role: 'guest', guestExpiresAt: expiresAt, displayName: decided.display_name ?? undefined, by, now }, { request: id, requestedBy: decided.requested_by });
    return { outcome: 'decided', request: decided, expiresAt };
  });
}
