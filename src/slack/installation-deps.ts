import type { Context } from '@slack/bolt';
import { BoundedMap } from '../bounded-map.js';
import type { InstallationRef } from './delivery/pending-reply.js';
import type { SlackDeps } from './slack-deps.js';

/** Installations whose listeners are kept ready; one more is rebuilt when it sends again. */
const MAX_INSTALLATIONS = 1_000;

/**
 * The deps a request's listeners see: the bot's identity in the request's installation (Bolt's
 * authorize put its bot user and bot id in the context: with OAuth each workspace has its own) and an
 * outbox that posts with that installation's token. With one workspace the context carries the ids
 * `createSlackApp` gave Bolt, so both modes go the same way.
 */
function installationDeps(deps: SlackDeps, context: Context): SlackDeps {
  const installation: InstallationRef = {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall ?? false,
  };
  const sameWorkspace = context.teamId !== undefined && context.teamId === deps.identity.teamId;
  return {
    ...deps,
    identity: {
      botUserId: context.botUserId ?? deps.identity.botUserId,
      botId: context.botId ?? deps.identity.botId,
      teamId: context.teamId ?? deps.identity.teamId,
      // The workspace URL is known (auth.test at start) only for the one workspace of SLACK_BOT_TOKEN;
      // elsewhere permalinks are asked of Slack (permalinks.ts).
      url: sameWorkspace ? deps.identity.url : undefined,
    },
    outbox: { send: (where, messages) => deps.outbox.send({ ...where, installation }, messages) },
  };
}

/**
 * A listener per installation, built once and kept (a listener may keep small state of its own, such
 * as when it last offered prompts to someone), so a request never runs with another installation's
 * identity or token.
 */
export function perInstallation<Args extends { context: Context }>(
  deps: SlackDeps,
  listener: (deps: SlackDeps) => (args: Args) => Promise<void>,
): (args: Args) => Promise<void> {
  const built = new BoundedMap<string, (args: Args) => Promise<void>>(MAX_INSTALLATIONS);
  return (args) => {
    const { context } = args;
    const key = JSON.stringify([
      context.enterpriseId,
      context.teamId,
      context.isEnterpriseInstall,
      context.botUserId,
      context.botId,
    ]);
    let handler = built.get(key);
    if (!handler) {
      handler = listener(installationDeps(deps, context));
      built.set(key, handler);
    }
    return handler(args);
  };
}
