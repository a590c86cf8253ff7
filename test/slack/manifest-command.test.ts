import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runWhosaid } from '../support/run-cli.js';

const base = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;

describe('whosaid manifest', () => {
  it('prints the repository’s manifest (Socket Mode) as is', async () => {
    const run = await runWhosaid(['manifest']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), base);
  });

  it('with --url: HTTP at /slack/events for events, interactivity and /quote; with --oauth the redirect URL', async () => {
    const run = await runWhosaid(['manifest', '--url', 'https://bot.example.com/whosaid/', '--oauth']);
    assert.equal(run.status, 0, run.stderr);
    const manifest = JSON.parse(run.stdout);
    const events = 'https://bot.example.com/whosaid/slack/events';
    assert.equal(manifest.settings.socket_mode_enabled, false);
    assert.equal(manifest.settings.event_subscriptions.request_url, events);
    assert.deepEqual(
      manifest.settings.event_subscriptions.bot_events,
      (base.settings as { event_subscriptions: { bot_events: string[] } }).event_subscriptions.bot_events,
    );
    assert.equal(manifest.settings.interactivity.request_url, events);
    assert.equal(manifest.settings.interactivity.is_enabled, true);
    assert.ok(manifest.features.slash_commands.every((command: { url: string }) => command.url === events));
    assert.deepEqual(manifest.oauth_config.redirect_urls, [
      'https://bot.example.com/whosaid/slack/oauth_redirect',
    ]);
    assert.deepEqual(manifest.oauth_config.scopes, (base.oauth_config as { scopes: unknown }).scopes);
    const single = JSON.parse((await runWhosaid(['manifest', '--url', 'https://bot.example.com'])).stdout);
    assert.equal(single.oauth_config.redirect_urls, undefined);
  });

  it('refuses an address Slack would not send requests to, saying why', async () => {
    const plain = await runWhosaid(['manifest', '--url', 'http://bot.example.com']);
    assert.equal(plain.status, 1);
    assert.match(plain.stderr, /only to HTTPS URLs/);
    const junk = await runWhosaid(['manifest', '--url', 'bot example']);
    assert.equal(junk.status, 1);
    assert.match(junk.stderr, /is not a URL/);
  });
});
