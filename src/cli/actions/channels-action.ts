import { checkBindable } from '../../collections/channel-scope.js';
import { readCollections } from '../../collections/collection-registry.js';
import { checkCollectionName } from '../../collections/scope.js';
import { WhosaidError } from '../../errors.js';
import type { CliIo } from '../io.js';
import { type CorpusFlags, configFor } from '../runtime.js';
import { openStateForCommand } from './open-state.js';

/** Slack channel ids: public (C), private (G) and shared channels; DMs (D) always read the defaults. */
const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

/** `whosaid channels bind CHANNEL NAME… [--team T]` (`default` alone unbinds). */
export async function channelsBindAction(
  io: CliIo,
  channel: string,
  names: string[],
  flags: CorpusFlags & { team?: string },
): Promise<void> {
  const config = configFor(io, flags);
  if (!CHANNEL_ID.test(channel)) {
    throw new WhosaidError(
      'INPUT_INVALID',
      `"${channel}" is not a channel id (C… or G…, at the bottom of the channel's About tab). DMs always read WHOSAID_DEFAULT_COLLECTIONS.`,
    );
  }
  const collections = names.length === 1 && names[0] === 'default' ? [] : names.map(checkCollectionName);
  const team = flags.team ?? null;
  checkBindable(team, collections, await readCollections(config.collectionsDir));
  const store = await openStateForCommand(config);
  try {
    await store.bindChannel({ team, channel, collections });
  } finally {
    await store.close();
  }
  const where = team ? `${channel} (team ${team})` : channel;
  io.stdout.write(
    collections.length === 0
      ? `${where} reads the default collections: ${config.defaultCollections.join(', ')}.\n`
      : `${where} reads ${collections.join(', ')}; links added there go into ${collections[0]}.\n`,
  );
}

/** `whosaid channels list [--json]` */
export async function channelsListAction(io: CliIo, flags: CorpusFlags & { json?: boolean }): Promise<void> {
  const config = configFor(io, flags);
  const store = await openStateForCommand(config);
  const bindings = await store.channelBindings().finally(() => store.close());
  const sorted = bindings.sort(
    (a, b) => (a.team ?? '').localeCompare(b.team ?? '') || a.channel.localeCompare(b.channel),
  );
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({ defaults: config.defaultCollections, bindings: sorted }, null, 2)}\n`,
    );
    return;
  }
  for (const binding of sorted)
    io.stdout.write(
      `${binding.channel}${binding.team ? ` (team ${binding.team})` : ''}: ${binding.collections.join(', ')}\n`,
    );
  io.stdout.write(`Unbound channels and DMs read: ${config.defaultCollections.join(', ')}.\n`);
}
