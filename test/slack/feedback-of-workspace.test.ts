import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feedbackOfWorkspace } from '../../src/slack/feedback-summary.js';
import type { FeedbackEntry } from '../../src/store/state-store.js';

const click = (user: string, team?: string): FeedbackEntry => ({
  value: 'not_helpful',
  user,
  ...(team ? { team } : {}),
  channel: 'C0NEWS001',
  messageTs: '1700000009.000900',
  threadTs: undefined,
  at: '2026-12-01T10:00:00.000Z',
});

describe('feedback per workspace', () => {
  const entries = [click('UA1', 'T0AAAAAAA'), click('UB1', 'T0BBBBBBB'), click('UOLD')];

  it("shows a workspace's admins only their own workspace's clicks when many are installed", () => {
    const shown = feedbackOfWorkspace(entries, 'T0AAAAAAA', { manyWorkspaces: true });
    assert.deepEqual(
      shown.map((entry) => entry.user),
      ['UA1'],
    );
    assert.deepEqual(
      feedbackOfWorkspace(entries, 'T0BBBBBBB', { manyWorkspaces: true }).map((entry) => entry.user),
      ['UB1'],
    );
  });

  it('keeps clicks recorded before workspaces were kept only with one workspace', () => {
    assert.deepEqual(
      feedbackOfWorkspace([click('UOLD'), click('UA1', 'T0AAAAAAA')], 'T0AAAAAAA', {
        manyWorkspaces: false,
      }).map((entry) => entry.user),
      ['UOLD', 'UA1'],
    );
  });

  it('shows nothing of a workspace no click came from', () => {
    assert.deepEqual(feedbackOfWorkspace(entries, 'T0CCCCCCC', { manyWorkspaces: true }), []);
  });
});
