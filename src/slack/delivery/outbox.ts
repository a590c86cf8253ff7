import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import type { StateStore } from '../../store/state-store.js';
import { tellPrivately } from '../post-messages.js';
import { logFailure, slackErrorCode, userMessageFor } from '../slack-api-errors.js';
import type { SlackMessage } from '../views/block-types.js';
import { type DeliveryPolicy, retryDelay } from './delivery-policy.js';
import { failureKind, outcomeUnknown, retryAfterMs } from './failure-kind.js';
import { finalNote } from './final-note.js';
import type { MethodGate } from './method-gate.js';
import { asPendingReply, type InstallationRef, type PendingReply } from './pending-reply.js';
import { alreadyPosted, replyMarker } from './reply-marker.js';

export interface OutboxOptions {
  state: StateStore;
  /**
   * The client a reply is posted with: one that never retries by itself (the outbox decides) and has a
   * timeout, holding the token of the reply's installation (one workspace: always the same client).
   * Resolves to null when the installation is gone (uninstalled): its replies are dropped.
   */
  clientFor(installation: InstallationRef | undefined): Promise<WebClient | null>;
  gate: MethodGate;
  logger: Logger;
  policy: DeliveryPolicy;
  now?: () => number;
}

interface Held {
  createdAt: number;
  reply: PendingReply;
}

/**
 * Every reply the bot posts in a thread goes through here: written to the state store first, then
 * posted, part by part, each part marked with its delivery id (reply-marker.ts). A failed post is
 * retried with backoff until the policy gives up; a post whose outcome is unknown is looked for in the
 * thread before it is sent again; replies still pending at shutdown are posted after the next start.
 */
export class Outbox {
  private readonly held = new Map<string, Held>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly due: string[] = [];
  private running = 0;
  private stopped = false;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Picks up the replies a previous run left pending. */
  async start(): Promise<void> {
    for (const entry of await this.options.state.outbox()) {
      const reply = asPendingReply(entry.body);
      if (!reply) {
        this.options.logger.warn({ id: entry.id }, 'dropped an outbox entry that is not a reply');
        await this.options.state.removeOutbox(entry.id);
        continue;
      }
      // The previous run may have stopped in the middle of a post: look before posting again.
      reply.uncertain = true;
      this.held.set(entry.id, { createdAt: entry.createdAt, reply });
      this.schedule(entry.id, reply.nextAttemptAt);
    }
    if (this.held.size > 0)
      this.options.logger.info({ pending: this.held.size }, 'delivering pending replies');
  }

  /** Queues a reply; resolves once it is stored (not once it is posted). */
  async send(
    where: { channel: string; threadTs: string; user: string; installation?: InstallationRef },
    messages: SlackMessage[],
  ): Promise<void> {
    if (messages.length === 0) return;
    const id = randomUUID();
    const createdAt = this.now();
    const reply: PendingReply = {
      ...where,
      messages,
      posted: 0,
      uncertain: false,
      failures: 0,
      nextAttemptAt: createdAt,
    };
    await this.options.state.putOutbox({ id, createdAt, body: { ...reply } });
    this.held.set(id, { createdAt, reply });
    this.schedule(id, createdAt);
  }

  /** Replies not yet posted (or given up on). */
  get pending(): number {
    return this.held.size;
  }

  /** True when no attempt is running or due now (replies may still wait for a retry). */
  get settled(): boolean {
    return this.running === 0 && this.due.length === 0;
  }

  /** Resolves when `condition` holds, checked after every attempt. */
  until(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!condition()) return;
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  /** Stops attempting (pending replies stay stored) and waits for attempts under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.due.length = 0;
    await this.until(() => this.running === 0);
  }

  private schedule(id: string, at: number): void {
    if (this.stopped) return;
    const wait = at - this.now();
    if (wait <= 0) {
      this.due.push(id);
      this.pump();
      return;
    }
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        this.due.push(id);
        this.pump();
      }, wait),
    );
  }

  private pump(): void {
    while (!this.stopped && this.running < this.options.policy.concurrency && this.due.length > 0) {
      const id = this.due.shift() as string;
      this.running += 1;
      this.attempt(id)
        .catch((error: unknown) =>
          logFailure(this.options.logger, error, 'the outbox failed to record progress'),
        )
        .finally(() => {
          this.running -= 1;
          this.pump();
          for (const listener of [...this.listeners]) listener();
        });
    }
  }

  private async attempt(id: string): Promise<void> {
    const held = this.held.get(id);
    if (!held) return;
    const { reply } = held;
    // A method Slack rate-limited is not called before its Retry-After: wait without holding a worker.
    const limitedUntil = this.options.gate.readyAt('chat.postMessage');
    if (limitedUntil > this.now()) return this.schedule(id, limitedUntil);
    let client: WebClient | null = null;
    try {
      client = await this.options.clientFor(reply.installation);
      if (!client) {
        this.options.logger.warn(
          { channel: reply.channel, team: reply.installation?.teamId ?? reply.installation?.enterpriseId },
          'dropped a reply: its workspace uninstalled the app',
        );
        return this.forget(id);
      }
      while (reply.posted < reply.messages.length) {
        const part = reply.posted;
        if (!(reply.uncertain && (await alreadyPosted(client, reply, id, part))))
          await this.post(client, id, reply, part);
        reply.posted += 1;
        reply.uncertain = false;
        if (reply.posted < reply.messages.length) await this.save(id, held);
      }
    } catch (error) {
      return this.failed(client, id, held, error);
    }
    await this.forget(id);
    this.options.logger.info(
      { channel: reply.channel, threadTs: reply.threadTs, failures: reply.failures },
      'posted a reply',
    );
  }

  private async post(client: WebClient, id: string, reply: PendingReply, part: number): Promise<void> {
    const message = reply.messages[part] as SlackMessage;
    await client.chat.postMessage({
      channel: reply.channel,
      thread_ts: reply.threadTs,
      text: message.text,
      blocks: message.blocks,
      // Sources are listed, not unfurled.
      unfurl_links: false,
      unfurl_media: false,
      metadata: replyMarker(id, part, message.sources),
    });
  }

  private async failed(client: WebClient | null, id: string, held: Held, error: unknown): Promise<void> {
    const { reply } = held;
    const kind = failureKind(error);
    const context = { channel: reply.channel, threadTs: reply.threadTs, slackError: slackErrorCode(error) };
    if (kind === 'refused') {
      logFailure(this.options.logger, error, 'Slack refused a reply; giving up', context);
      return this.giveUp(client, id, reply, userMessageFor(error));
    }
    reply.failures += 1;
    if (outcomeUnknown(kind)) reply.uncertain = true;
    reply.lastFailure = kind === 'server-error' ? 'busy' : kind;
    const now = this.now();
    if (now - held.createdAt >= this.options.policy.giveUpAfterMs) {
      logFailure(this.options.logger, error, 'could not post a reply in time; giving up', context);
      return this.giveUp(client, id, reply, finalNote(reply.lastFailure, this.options.policy.giveUpAfterMs));
    }
    const wait = Math.max(retryAfterMs(error) ?? 0, retryDelay(this.options.policy, reply.failures));
    reply.nextAttemptAt = now + wait;
    this.options.logger.warn(
      { ...context, kind, failures: reply.failures, retryInMs: wait },
      'could not post a reply; will retry',
    );
    await this.save(id, held);
    this.schedule(id, reply.nextAttemptAt);
  }

  private async giveUp(
    client: WebClient | null,
    id: string,
    reply: PendingReply,
    note: string,
  ): Promise<void> {
    await this.forget(id);
    // No client: the installation could not even be read, so there is nobody to post the note with.
    if (!client) return;
    await tellPrivately(
      client,
      { channel: reply.channel, user: reply.user, threadTs: reply.threadTs },
      note,
    ).catch((error: unknown) =>
      logFailure(this.options.logger, error, 'could not tell the user about the failure', {
        channel: reply.channel,
      }),
    );
  }

  private save(id: string, held: Held): Promise<void> {
    return this.options.state.putOutbox({ id, createdAt: held.createdAt, body: { ...held.reply } });
  }

  private async forget(id: string): Promise<void> {
    this.held.delete(id);
    await this.options.state.removeOutbox(id);
  }
}
