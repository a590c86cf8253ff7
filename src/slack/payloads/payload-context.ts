import type { Context } from '@slack/bolt';
import type { SlackWork } from './parse-payload.js';

/** Where the checked payload travels to the listeners: Bolt copies a receiver event's customProperties into the context. */
const WORK_KEY = 'whosaidWork';

export function workProperties(properties: Record<string, unknown> | undefined, work: SlackWork) {
  return { ...properties, [WORK_KEY]: work };
}

/**
 * The checked payload of the request a listener runs for, when it is of the kind the listener reads.
 * Listeners read these typed fields, never Bolt's unchecked body.
 */
export function workOf<K extends SlackWork['kind']>(
  context: Context,
  kind: K,
): Extract<SlackWork, { kind: K }> | undefined {
  const work = context[WORK_KEY] as SlackWork | undefined;
  return work?.kind === kind ? (work as Extract<SlackWork, { kind: K }>) : undefined;
}
