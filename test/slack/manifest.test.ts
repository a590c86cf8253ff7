import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Answer } from '../../src/answer/types.js';
import { LISTENERS } from '../../src/slack/listener-registry.js';
import { answerMessages } from '../../src/slack/views/answer-blocks.js';
import { quotePageMessage } from '../../src/slack/views/quote-blocks.js';
import { realServices } from '../support/slack-test-bot.js';

interface Manifest {
  features: {
    agent_view: { agent_description: string; suggested_prompts: { title: string; message: string }[] };
    bot_user: { display_name: string };
    slash_commands: { command: string }[];
    shortcuts: { callback_id: string; type: string }[];
    app_home: {
      home_tab_enabled: boolean;
      messages_tab_enabled: boolean;
      messages_tab_read_only_enabled: boolean;
    };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Manifest;
const ids = (kind: string) =>
  LISTENERS.filter((listener) => listener.kind === kind)
    .map((listener) => listener.id)
    .sort();

/** Every action_id found anywhere in some blocks. */
function actionIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(actionIds);
  if (value && typeof value === 'object') {
    const own = 'action_id' in value && typeof value.action_id === 'string' ? [value.action_id] : [];
    return [...own, ...Object.values(value).flatMap(actionIds)];
  }
  return [];
}

describe('manifest.json and the listener registry', () => {
  it('has a listener for every bot event, and every event listener is subscribed in the manifest', () => {
    const subscribed = [...manifest.settings.event_subscriptions.bot_events].sort();
    const delivered = LISTENERS.filter((listener) => listener.kind === 'event')
      .flatMap((listener) => listener.manifestEvents)
      .sort();
    assert.deepEqual(delivered, subscribed);
  });

  it('has a listener for every slash command and shortcut, and no listener the manifest does not declare', () => {
    assert.deepEqual(
      ids('command'),
      manifest.features.slash_commands.map((command) => command.command).sort(),
    );
    assert.deepEqual(
      ids('shortcut'),
      manifest.features.shortcuts.map((shortcut) => shortcut.callback_id).sort(),
    );
    assert.ok(manifest.features.shortcuts.every((shortcut) => shortcut.type === 'message'));
  });

  it('has a listener for every action the views render, and renders every action it listens for', () => {
    const answer: Answer = {
      answer: 'Meyer said so [1]',
      abstained: false,
      citations: [
        {
          n: 1,
          doc: 'a.md',
          title: 'A',
          paragraph: 1,
          text: 'x',
          speaker: 'Dan Meyer',
          quote: 'q',
          kind: 'direct',
          role: 'national security attorney',
          url: null,
          publisher: null,
          date: null,
        },
      ],
      mode: 'extractive',
      notes: [],
      removed: [],
      speakers: [],
      closest: [],
    };
    const hit = {
      text: 'q',
      kind: 'direct' as const,
      speaker: 'Dan Meyer',
      role: null,
      members: [],
      via: null,
      cue: 'said',
      confidence: 1,
    };
    const hits = Array.from({ length: 6 }, (_, i) => ({
      ...hit,
      paragraph: i + 1,
      start: 0,
      end: 1,
      doc: 'a.md',
      title: 'A',
      publisher: null,
      date: null,
      url: null,
    }));
    const rendered = [
      ...answerMessages(answer, { roles: new Map(), documentCount: 1 }),
      quotePageMessage({ query: 'meyer', by: 'speaker', speakers: ['Dan Meyer'], hits }, 0),
    ];
    assert.deepEqual([...new Set(actionIds(rendered))].sort(), ids('action'));
    assert.equal(
      manifest.settings.interactivity.is_enabled,
      true,
      'actions and shortcuts need interactivity',
    );
  });

  it('asks for exactly the scopes the listeners need, each event with the scope Slack delivers it under', () => {
    // The scope each bot event requires (https://docs.slack.dev/reference/events): a listener for the
    // event must carry it. app_home_opened, app_uninstalled and tokens_revoked need none.
    const eventScopes: Record<string, string | null> = {
      app_mention: 'app_mentions:read',
      'message.im': 'im:history',
      'message.channels': 'channels:history',
      'message.groups': 'groups:history',
      app_home_opened: null,
      // https://docs.slack.dev/reference/events/app_context_changed: no scope.
      app_context_changed: null,
      app_uninstalled: null,
      tokens_revoked: null,
    };
    for (const listener of LISTENERS)
      for (const name of listener.manifestEvents) {
        assert.ok(name in eventScopes, `the scope of ${name} is known to this test`);
        const scope = eventScopes[name];
        if (scope) assert.ok(listener.scopes.includes(scope), `${listener.id} carries ${scope} for ${name}`);
      }
    const needed = [...new Set(LISTENERS.flatMap((listener) => listener.scopes))].sort();
    assert.deepEqual([...manifest.oauth_config.scopes.bot].sort(), needed, 'nothing more, nothing less');
    assert.ok(needed.includes('assistant:write'), 'suggested prompts and titles in the Messages tab');
    assert.equal(manifest.settings.socket_mode_enabled, true);
    assert.equal(manifest.features.app_home.home_tab_enabled, true);
    assert.equal(manifest.features.app_home.messages_tab_enabled, true);
    assert.equal(manifest.features.app_home.messages_tab_read_only_enabled, false, 'people can DM the bot');
  });

  it('declares the agent view within the schema limits, with prompts the documents answer', async () => {
    const view = manifest.features.agent_view;
    // slackapi/manifest-schema: agent_description ≤ 300 characters, at most 4 suggested prompts.
    assert.ok(view.agent_description.length > 0 && view.agent_description.length <= 300);
    assert.ok(view.suggested_prompts.length >= 1 && view.suggested_prompts.length <= 4);
    const services = await realServices();
    for (const prompt of view.suggested_prompts) {
      assert.ok(prompt.title && prompt.message);
      assert.equal((await services.ask(prompt.message)).abstained, false, prompt.message);
    }
  });
});
