import type { HTTPReceiverOptions, InstallationStore } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { BoundedMap } from '../bounded-map.js';
import type { OAuthSettings } from '../config.js';
import { NoInstallationError } from '../store/installation-store.js';
import type { InstallationRef } from './delivery/pending-reply.js';
import type { ListenerEntry } from './listener-registry.js';

/** Bolt's defaults, named here because the README and the tests give them out. */
export const INSTALL_PATH = '/slack/install';
const REDIRECT_PATH = '/slack/oauth_redirect';

/** Clients kept for posting replies, one per bot token; a workspace beyond that gets a new one. */
const MAX_CLIENTS = 1_000;

/**
 * The HTTPReceiver options that make Bolt's own installer serve /slack/install and
 * /slack/oauth_redirect (https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth/):
 * the install page redirects straight to Slack's authorize URL with a signed `state` (also set as a
 * cookie, so the redirect must come back to the browser that started it); the redirect exchanges the
 * code (oauth.v2.access) and stores the installation. The state is signed with SLACK_STATE_SECRET
 * and kept in no server-side store, so any replica behind a load balancer can finish an install
 * another one started. The scopes asked for are the listeners' (the manifest's, checked by a test).
 */
export function installerOptions(
  oauth: OAuthSettings,
  installationStore: InstallationStore,
  listeners: readonly ListenerEntry[],
  clientOptions: WebClientOptions,
): Partial<HTTPReceiverOptions> {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...new Set(listeners.flatMap((listener) => listener.scopes))].sort(),
    installationStore,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      directInstall: true,
      // Slack's authorize page lives beside its Web API (slack.com/api/ → slack.com/oauth/v2/authorize;
      // GovSlack and proxies likewise), so SLACK_API_URL moves both.
      authorizationUrl: new URL(
        '../oauth/v2/authorize',
        clientOptions.slackApiUrl ?? 'https://slack.com/api/',
      ).href,
      clientOptions,
    },
  };
}

/**
 * The outbox's client for a reply of one installation: its bot token, fetched from the store when the
 * reply is posted (so a reinstall's new token is used, and an uninstalled workspace gets nothing).
 */
export function installationClients(
  store: InstallationStore,
  options: WebClientOptions,
): (installation: InstallationRef | undefined) => Promise<WebClient | null> {
  const clients = new BoundedMap<string, WebClient>(MAX_CLIENTS);
  return async (ref) => {
    if (!ref) return null;
    const installation = await store
      .fetchInstallation({
        teamId: ref.teamId,
        enterpriseId: ref.enterpriseId,
        isEnterpriseInstall: ref.isEnterpriseInstall,
      })
      .catch((error: unknown) => {
        if (error instanceof NoInstallationError) return null;
        throw error;
      });
    const token = installation?.bot?.token;
    if (!token) return null;
    let client = clients.get(token);
    if (!client) {
      client = new WebClient(token, options);
      clients.set(token, client);
    }
    return client;
  };
}
