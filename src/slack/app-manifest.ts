import { WhosaidError } from '../errors.js';

/** The parts of Slack's app manifest that change between Socket Mode and HTTP. */
interface Manifest {
  features?: { slash_commands?: Record<string, unknown>[] } & Record<string, unknown>;
  oauth_config?: { redirect_urls?: string[] } & Record<string, unknown>;
  settings?: {
    event_subscriptions?: Record<string, unknown>;
    interactivity?: Record<string, unknown>;
    socket_mode_enabled?: boolean;
  } & Record<string, unknown>;
}

/**
 * The app manifest for a bot served over HTTP at `base` (Socket Mode off): Slack's request URL for
 * events, interactivity and the slash command is `/slack/events` there, and with `oauth` the redirect
 * URL of the install flow is `/slack/oauth_redirect` — the paths `whosaid serve` listens on — so the
 * app a team creates from it needs no setting typed by hand.
 * https://docs.slack.dev/reference/app-manifest
 */
export function httpManifest<T extends Manifest>(manifest: T, base: string, options: { oauth: boolean }): T {
  const root = checkedBase(base);
  const events = `${root}/slack/events`;
  const copy = structuredClone(manifest);
  copy.settings = {
    ...copy.settings,
    socket_mode_enabled: false,
    event_subscriptions: { ...copy.settings?.event_subscriptions, request_url: events },
    interactivity: { ...copy.settings?.interactivity, request_url: events },
  };
  if (copy.features?.slash_commands)
    copy.features.slash_commands = copy.features.slash_commands.map((command) => ({
      ...command,
      url: events,
    }));
  if (options.oauth)
    copy.oauth_config = { ...copy.oauth_config, redirect_urls: [`${root}/slack/oauth_redirect`] };
  return copy;
}

/** Slack sends requests only to public HTTPS URLs; the base is its origin (and path prefix), no query. */
function checkedBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new WhosaidError(
      'INPUT_INVALID',
      `"${base}" is not a URL: give the bot's public address, e.g. https://whosaid.example.com.`,
    );
  }
  if (url.protocol !== 'https:')
    throw new WhosaidError(
      'INPUT_INVALID',
      `Slack sends requests only to HTTPS URLs; "${base}" is ${url.protocol.replace(':', '')}. Put the bot behind TLS (a load balancer or reverse proxy) and give its https:// address.`,
    );
  if (url.search || url.hash)
    throw new WhosaidError(
      'INPUT_INVALID',
      `"${base}" has a query or fragment: give only the bot's address.`,
    );
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
