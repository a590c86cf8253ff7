import assert from 'node:assert/strict';
import type { SlackApiStandIn, StandInBot } from './slack-api-stand-in.js';

/** Two workspaces that install the bot through OAuth, each with its own bot user and token. */
export const TEAM_A: StandInBot = {
  token: 'xoxb-team-a-token',
  teamId: 'T0OAUTHA1',
  teamName: 'Alpha News',
  botUserId: 'U0BOTA001',
  botId: 'B0BOTA001',
};
export const TEAM_B: StandInBot = {
  token: 'xoxb-team-b-token',
  teamId: 'T0OAUTHB1',
  teamName: 'Beta Desk',
  botUserId: 'U0BOTB001',
  botId: 'B0BOTB001',
};

/** @slack/oauth's cookie holding the state issued to this browser. */
export const STATE_COOKIE = 'slack-app-oauth-state';

/** Visits the install page as a browser would: the redirect to Slack's authorize page and the state cookie. */
export async function visitInstall(
  baseUrl: string,
): Promise<{ location: URL; cookie: string; status: number }> {
  const response = await fetch(`${baseUrl}/slack/install`, { redirect: 'manual' });
  const setCookie = response.headers.get('set-cookie') ?? '';
  return {
    status: response.status,
    location: new URL(response.headers.get('location') ?? 'http://missing/'),
    cookie: setCookie.split(';')[0] ?? '',
  };
}

/** Slack sends the browser back to the redirect URL with the code and the state. */
export async function finishInstall(baseUrl: string, query: Record<string, string>, cookie: string) {
  const response = await fetch(`${baseUrl}/slack/oauth_redirect?${new URLSearchParams(query)}`, {
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });
  return { status: response.status, body: await response.text() };
}

/** The whole flow for one workspace: install page → Slack (the stand-in approves) → redirect. */
export async function install(baseUrl: string, standIn: SlackApiStandIn, bot: StandInBot): Promise<void> {
  const { location, cookie } = await visitInstall(baseUrl);
  const code = standIn.approveInstall(bot);
  const done = await finishInstall(
    baseUrl,
    { code, state: location.searchParams.get('state') ?? '' },
    cookie,
  );
  assert.equal(done.status, 200, done.body);
}
