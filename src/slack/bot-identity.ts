import type { WebClient } from '@slack/web-api';
import { describeError, WhosaidError } from '../errors.js';
import { slackErrorCode } from './slack-api-errors.js';

/** Who the bot is in the workspace, from auth.test (https://docs.slack.dev/reference/methods/auth.test). */
export interface BotIdentity {
  botUserId: string;
  botId: string;
  teamId: string | undefined;
  /** The workspace URL, e.g. https://acme.slack.com/ — permalinks are built from it. */
  url: string | undefined;
}

const TOKEN_HELP =
  'Copy the "Bot User OAuth Token" (xoxb-…) from https://api.slack.com/apps → your app → OAuth & Permissions into SLACK_BOT_TOKEN.';

/**
 * Checks the bot token once at start-up and learns the bot's ids. Bolt would otherwise call auth.test
 * lazily and only fail on the first event; failing here gives one clear message instead.
 */
export async function fetchBotIdentity(client: WebClient): Promise<BotIdentity> {
  let result: Awaited<ReturnType<WebClient['auth']['test']>>;
  try {
    result = await client.auth.test();
  } catch (error) {
    const code = slackErrorCode(error);
    if (
      code === 'invalid_auth' ||
      code === 'not_authed' ||
      code === 'account_inactive' ||
      code === 'token_revoked'
    ) {
      throw new WhosaidError('CONFIG_INVALID', `Slack rejected SLACK_BOT_TOKEN (${code}). ${TOKEN_HELP}`, {
        cause: error,
      });
    }
    throw new WhosaidError(
      'SLACK_API',
      `Could not reach Slack to check SLACK_BOT_TOKEN (${code && !code.startsWith('slack_webapi_') ? code : describeError(error)}). Check the network and SLACK_API_URL.`,
      {
        cause: error,
      },
    );
  }
  if (!result.user_id || !result.bot_id) {
    throw new WhosaidError(
      'CONFIG_INVALID',
      `SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot user). ${TOKEN_HELP}`,
    );
  }
  return { botUserId: result.user_id, botId: result.bot_id, teamId: result.team_id, url: result.url };
}
