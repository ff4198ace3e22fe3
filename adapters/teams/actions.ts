/**
 * What Teams sends back when a card's button is pressed or its form submitted, read into our action
 * id, value and input values. Never throws: anything odd reads as nothing.
 */

/** What a button or form carries, and what Teams hands back (with the inputs' values merged in). */
export interface ActionData {
  actionId: string;
  value: string;
}

/** A press or submission read back: our action id, the button's or form's value, the inputs. */
export interface ActionPayload extends ActionData {
  formValues: Record<string, string>;
}

/** Names a form's inputs may not take: they would collide with the action's own data. */
export const RESERVED_INPUT_IDS: ReadonlySet<string> = new Set(['actionId', 'value']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Our action id, the value ('' when absent) and every other string as an input's value. */
function payload(actionId: unknown, data: Record<string, unknown>): ActionPayload | undefined {
  if (typeof actionId !== 'string' || actionId.length === 0) return undefined;
  const formValues = Object.fromEntries(
    Object.entries(data).filter((entry): entry is [string, string] => !RESERVED_INPUT_IDS.has(entry[0]) && typeof entry[1] === 'string'),
  );
  // fromEntries defines own properties: an input called `__proto__` cannot reach the prototype.
  return { actionId, value: typeof data.value === 'string' ? data.value : '', formValues };
}

/** Never throws: anything odd (even a throwing getter) reads as nothing. */
function safely(read: () => ActionPayload | undefined): ActionPayload | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * An `adaptiveCard/action` invoke (Action.Execute): `{ action: { type: 'Action.Execute', verb,
 * data } }`, the inputs' values merged into `data`. The verb names the action: an input cannot
 * overwrite it.
 */
export function fromInvokeValue(activityValue: unknown): ActionPayload | undefined {
  return safely(() => {
    if (!isRecord(activityValue) || !isRecord(activityValue.action)) return undefined;
    const action = activityValue.action;
    if (action.type !== 'Action.Execute') return undefined;
    const data = isRecord(action.data) ? action.data : {};
    return payload(typeof action.verb === 'string' && action.verb ? action.verb : data.actionId, data);
  });
}

/**
 * An Action.Submit: a message activity's `value` is the action's data with the inputs merged in;
 * a dialog's `task/submit` invoke has the same under `data`.
 */
export function fromSubmitValue(activityValue: unknown): ActionPayload | undefined {
  return safely(() => {
    if (!isRecord(activityValue)) return undefined;
    if (typeof activityValue.actionId === 'string') return payload(activityValue.actionId, activityValue);
    return isRecord(activityValue.data) ? payload(activityValue.data.actionId, activityValue.data) : undefined;
  });
}

/** What Teams sent for a press or submission, whichever action sent it; undefined for anything else. */
export function actionDataOf(value: unknown): ActionPayload | undefined {
  return fromInvokeValue(value) ?? fromSubmitValue(value);
}
