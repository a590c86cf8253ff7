import type { App } from '@slack/bolt';
import type { Logger } from '../logger.js';

/** Where Slack's response URLs live (https://docs.slack.dev/interactivity/handling-user-interaction). */
const SLACK_RESPONSE_HOSTS = ['hooks.slack.com', 'hooks.slack-gov.com'];

/**
 * A `response_url` is where the bot POSTs its reply: one that names anything but Slack's own hosts (or
 * the configured SLACK_API_URL's host, for GovSlack, proxies and tests) would make the bot send requests
 * wherever a payload says. Such a request is acknowledged and dropped with a warning.
 */
export function allowedResponseUrl(url: string, apiUrl: string | undefined): boolean {
  if (!URL.canParse(url)) return false;
  const target = new URL(url);
  if (target.protocol === 'https:' && SLACK_RESPONSE_HOSTS.includes(target.hostname)) return true;
  if (!apiUrl || !URL.canParse(apiUrl)) return false;
  const api = new URL(apiUrl);
  return target.protocol === api.protocol && target.host === api.host;
}

export function guardResponseUrls(app: App, apiUrl: string | undefined, logger: Logger): void {
  app.use(async (args) => {
    const body = args.body as { response_url?: unknown };
    const url = body.response_url;
    if (url === undefined || (typeof url === 'string' && allowedResponseUrl(url, apiUrl))) {
      await args.next();
      return;
    }
    logger.warn(
      { responseUrlHost: typeof url === 'string' && URL.canParse(url) ? new URL(url).host : String(url) },
      'dropped a request whose response_url is not on Slack',
    );
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  });
}
