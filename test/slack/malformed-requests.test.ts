import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedResponseUrl } from '../../src/slack/response-url-guard.js';
import { postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { commandBody, eventEnvelope, FORM } from '../support/slack-signed-requests.js';
import { realServices, startTestBot } from '../support/slack-test-bot.js';

const services = await realServices();

describe('Malformed signed requests', () => {
  // Without the guard, Bolt's receiver throws where nothing catches it: the timeout turns that into a failure.
  it('answers 400 to bodies that are not Slack payloads, stays up, and still answers a mention', {
    timeout: 20_000,
  }, async () => {
    const test = await startTestBot({ services });
    const malformed: [string, string][] = [
      ['null', 'application/json'],
      ['[1, 2]', 'application/json'],
      ['"a string"', 'application/json'],
      ['42', 'application/json'],
      ['{not json', 'application/json'],
      ['payload=null', FORM],
      ['payload=%5B%5D', FORM],
      ['payload=%7Bbroken', FORM],
    ];
    for (const [body, contentType] of malformed) {
      const response = await test.send(body, { contentType });
      assert.equal(response.status, 400, `${contentType} ${body}`);
    }
    assert.ok(
      test.logs.some(
        (line) =>
          line.msg === 'refused a malformed Slack payload' &&
          /null, not an object/.test(String(line.problem)),
      ),
    );
    const posted = test.standIn.nextCall('chat.postMessage');
    await test.event(mentionEvent('1700009000.000100', 'Who warned about relying on one provider?'));
    assert.match(postedText([await posted]), /Dan Meyer/);
    assert.equal((await test.send(eventEnvelope(mentionEvent('1700009001.000100', 'hi')))).status, 200);
  });

  it('never posts to a response_url off Slack: the request is acknowledged and dropped with a warning', async () => {
    const test = await startTestBot({ services });
    const elsewhere = new URL(test.standIn.responseUrl('command'));
    elsewhere.port = String(Number(elsewhere.port) + 1);
    for (const responseUrl of [elsewhere.href, 'https://evil.example/hook', 'not a url']) {
      const before = test.standIn.responses.length;
      const response = await test.send(
        commandBody({
          command: '/quote',
          text: 'Meyer',
          user_id: 'UASKER01',
          channel_id: 'C0NEWS001',
          response_url: responseUrl,
        }),
        { contentType: FORM },
      );
      assert.equal(response.status, 200, responseUrl);
      assert.equal(test.standIn.responses.length, before, `nothing posted for ${responseUrl}`);
    }
    assert.ok(test.logs.some((line) => line.msg === 'dropped a request whose response_url is not on Slack'));
    assert.ok(allowedResponseUrl('https://hooks.slack.com/commands/T1/2/abc', undefined));
    assert.ok(!allowedResponseUrl('http://hooks.slack.com/commands/T1/2/abc', undefined));
  });
});
