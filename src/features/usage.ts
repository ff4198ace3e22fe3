/** Usage events of what a person did, recorded from a handler (see src/store/usage.ts). */
import type { HandlerContext } from '../core/context.ts';
import { recordUsage, type UsageKind } from '../store/usage.ts';

/** Records events by the handler's person (`anonymous`: without saying who), in their workspace. */
export async function recordPersonUsage(ctx: HandlerContext, kinds: UsageKind[], subject?: string, options: { anonymous?: boolean } = {}): Promise<void> {
  const { person } = ctx;
  const at = ctx.services.now();
  await recordUsage(
    ctx.services.store.db,
    ctx.log,
    kinds.map((kind) => ({
      kind,
      platform: person.platform,
      workspaceId: person.workspaceId,
      person: options.anonymous ? null : `${person.platform}:${person.userId}`,
      ...(subject !== undefined ? { subject } : {}),
      at,
    })),
  );
}
