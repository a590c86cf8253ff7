/**
 * How long and how often a reply is retried. Slack outages are usually minutes long
 * (https://slack-status.com/ history), so a reply is kept trying for 15 minutes — after that the
 * question has likely been asked again or answered by someone — with exponential backoff from one
 * second to one minute, jittered so that replies held by an outage do not all hit Slack at the same
 * instant when it comes back.
 */
export interface DeliveryPolicy {
  firstRetryMs: number;
  maxRetryMs: number;
  giveUpAfterMs: number;
  /** Replies posted at the same time (each reply's parts go in order). */
  concurrency: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  firstRetryMs: 1_000,
  maxRetryMs: 60_000,
  giveUpAfterMs: 15 * 60_000,
  concurrency: 8,
};

/** The wait before attempt `attempt + 1` (attempt counts failures so far, from 1). */
export function retryDelay(policy: DeliveryPolicy, attempt: number, random = Math.random): number {
  const base = Math.min(policy.maxRetryMs, policy.firstRetryMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
