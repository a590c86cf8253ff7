import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Answer } from '../../src/answer/types.js';
import { LISTENERS } from '../../src/slack/listener-registry.js';
import { answerMessages } from '../../src/slack/views/answer-blocks.js';
import { quotePageMessage } from '../../src/slack/views/quote-blocks.js';

interface Manifest {
  features: {
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

  it('asks for the least privilege the listeners need, in Socket Mode with a Home tab and DMs', () => {
    assert.deepEqual([...manifest.oauth_config.scopes.bot].sort(), [
      'app_mentions:read',
      'channels:history',
      'chat:write',
      'commands',
      'groups:history',
      'im:history',
      'users:read',
    ]);
    assert.equal(manifest.settings.socket_mode_enabled, true);
    assert.equal(manifest.features.app_home.home_tab_enabled, true);
    assert.equal(manifest.features.app_home.messages_tab_read_only_enabled, false, 'people can DM the bot');
  });
});
