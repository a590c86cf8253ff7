import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handlesRoute, LISTENERS } from '../../src/slack/listener-registry.js';
import { parsePayload } from '../../src/slack/payloads/parse-payload.js';
import { payloadVerdict } from '../../src/slack/payloads/payload-verdict.js';
import { mutate, randomJson, templates } from '../support/fuzz-payloads.js';
import { Random } from '../support/seeded-random.js';

const handles = handlesRoute(LISTENERS);
const bases = templates('https://hooks.slack.com/commands/T1/2/abc');

describe('Slack payload schemas', () => {
  it('never throw: any JSON value gives a typed payload or a problem naming a field (seeded property test)', () => {
    const random = new Random(7);
    for (let i = 0; i < 3000; i++) {
      const value = i % 2 === 0 ? randomJson(random, 4) : mutate(random, random.pick(bases), ['x', '']);
      const checked = parsePayload(value);
      if (checked.ok) assert.ok(checked.work.kind, JSON.stringify(value));
      else
        assert.match(
          checked.problem,
          /^(?:[\w.]+|\(payload\)|the payload is .*): |^the payload is /,
          checked.problem,
        );
      assert.ok(['accept', 'ignore', 'refuse'].includes(payloadVerdict(value, handles).action));
    }
  });

  it('accept every payload the bot reads, routed to its listener, and acknowledge the rest', () => {
    const verdicts = bases.map((payload) => {
      const verdict = payloadVerdict(payload, handles);
      return `${verdict.type}:${verdict.action}`;
    });
    assert.deepEqual(verdicts, [
      'app_mention:accept',
      'app_mention:accept',
      'message:accept',
      'message:accept',
      'app_home_opened:accept',
      'reaction_added:ignore',
      'slash_command:accept',
      'block_actions:accept',
      'block_actions:accept',
      'block_actions:accept',
      'message_action:accept',
      'message_action:accept',
      'app_mention:accept',
      'shortcut:ignore',
      'view_submission:ignore',
      'block_suggestion:ignore',
      'url_verification:ignore',
    ]);
  });

  it('name the payload type and the field that is wrong', () => {
    const [mention, , , , , , command, more, , , shortcut] = bases as Record<
      string,
      Record<string, unknown>
    >[];
    const problem = (value: unknown) => {
      const checked = parsePayload(value);
      assert.ok(!checked.ok, JSON.stringify(value));
      return `${checked.type} ${checked.problem}`;
    };
    assert.match(
      problem({ ...mention, event: { ...mention?.event, user: 42 } }),
      /^app_mention event\.user: /,
    );
    assert.match(
      problem({ ...mention, event: { ...mention?.event, text: null } }),
      /^app_mention event\.text: /,
    );
    assert.match(problem({ ...mention, event: null }), /^event_callback event: /);
    assert.match(problem({ ...mention, authorizations: [null] }), /^event_callback authorizations\.0: /);
    assert.match(problem({ ...command, channel_id: ['C1', 'C2'] }), /^slash_command channel_id: /);
    assert.match(problem({ ...more, actions: [] }), /^block_actions actions: /);
    assert.match(problem({ ...more, actions: [{ action_id: 7 }] }), /^block_actions actions\.0\.action_id: /);
    assert.match(problem({ ...shortcut, message: undefined }), /^message_action message: /);
    assert.match(
      problem({
        type: 'view_submission',
        user: { id: 'U1' },
        view: { id: 'V1', callback_id: 'c' },
        response_urls: [null],
      }),
      /^view_submission response_urls\.0: /,
    );
    assert.match(problem(null), /^unknown the payload is null, not an object/);
    assert.match(problem({ type: 3 }), /^unknown type: a number/);
  });

  it('check a payload as the kind Bolt routes it as (an `event` field makes it an event)', () => {
    const checked = parsePayload({
      type: 'block_actions',
      event: 'x',
      user: { id: 'U1' },
      actions: [{ action_id: 'a' }],
    });
    assert.ok(!checked.ok);
    assert.equal(checked.type, 'event_callback');
  });
});
