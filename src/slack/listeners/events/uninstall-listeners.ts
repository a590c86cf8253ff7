import type { AllMiddlewareArgs, Context, SlackEventMiddlewareArgs } from '@slack/bolt';
import { describeError } from '../../../errors.js';
import { workOf } from '../../payloads/payload-context.js';
import type { SlackDeps } from '../../slack-deps.js';

/**
 * What is kept when a workspace uninstalls the app or revokes its tokens: its collections, channel
 * bindings and feedback (a reinstall finds them again; `whosaid collections remove` deletes a
 * collection). What goes: every stored token of that installation. Bolt calls these listeners without
 * authorizing the event first (its tokens may already be dead), so the installation is named by the
 * envelope's team and enterprise ids.
 */
function installationOf(context: Context) {
  return {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall ?? false,
  };
}

function teamOf(context: Context): string | undefined {
  return context.teamId ?? context.enterpriseId;
}

/** `app_uninstalled`: https://docs.slack.dev/reference/events/app_uninstalled */
export function appUninstalledListener(deps: SlackDeps) {
  return async ({ context }: SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs) => {
    if (!workOf(context, 'app_uninstalled')) return;
    const team = teamOf(context);
    if (!deps.installations) {
      deps.logger.warn(
        { team },
        'the app was uninstalled from the workspace: SLACK_BOT_TOKEN no longer works',
      );
      return;
    }
    try {
      await deps.installations.deleteInstallation(installationOf(context));
      deps.logger.info({ team }, 'removed the installation and its tokens (app_uninstalled)');
    } catch (error) {
      deps.logger.error(
        { team, error: describeError(error) },
        'could not remove an uninstalled installation',
      );
    }
  };
}

/**
 * `tokens_revoked`: a revoked bot token ends the installation (every stored row of it carries the bot
 * token); a revoked user token removes that user's token only.
 * https://docs.slack.dev/reference/events/tokens_revoked
 */
export function tokensRevokedListener(deps: SlackDeps) {
  return async ({ context }: SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs) => {
    const event = workOf(context, 'tokens_revoked')?.event;
    if (!event) return;
    const team = teamOf(context);
    const { bot = [], oauth: users = [] } = event.tokens;
    if (!deps.installations) {
      deps.logger.warn({ team, bot: bot.length, users: users.length }, 'Slack revoked tokens of this app');
      return;
    }
    try {
      const installation = installationOf(context);
      if (bot.length > 0) await deps.installations.deleteInstallation(installation);
      else
        for (const userId of users) await deps.installations.deleteInstallation({ ...installation, userId });
      deps.logger.info(
        { team, bot: bot.length, users: users.length },
        bot.length > 0
          ? 'removed the installation: its bot token was revoked'
          : 'removed revoked user tokens',
      );
    } catch (error) {
      deps.logger.error({ team, error: describeError(error) }, 'could not remove revoked tokens');
    }
  };
}
