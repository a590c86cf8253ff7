import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Installation } from '@slack/bolt';
import { FileInstallationRows } from '../../src/store/file-installation-rows.js';
import {
  EncryptedInstallationStore,
  type InstallationRows,
  NoInstallationError,
} from '../../src/store/installation-store.js';
import { PostgresInstallationRows } from '../../src/store/postgres-installation-rows.js';
import { TokenSeal } from '../../src/store/token-seal.js';
import { useStateDatabase } from '../support/state-database.js';
import { tempDir } from '../support/temp-dir.js';

function installation(team: string, user: string, enterprise?: string): Installation<'v2', false> {
  return {
    team: { id: team, name: `Team ${team}` },
    enterprise: enterprise ? { id: enterprise, name: 'Org' } : undefined,
    user: { id: user, token: `xoxp-user-${user}`, scopes: ['search:read'] },
    bot: { id: `B${team}`, userId: `U${team}BOT`, token: `xoxb-bot-${team}`, scopes: ['chat:write'] },
    isEnterpriseInstall: false,
    tokenType: 'bot',
    appId: 'A0WHOSAID',
  };
}

/** How Bolt asks for a workspace's installation: with the user of the request, when it has one. */
function inTeam(teamId: string, userId?: string) {
  return { teamId, enterpriseId: undefined, isEnterpriseInstall: false, ...(userId ? { userId } : {}) };
}

const key = randomBytes(32);
const seal = (current = key, previous: Buffer[] = []) => new TokenSeal({ current, previous });

/** Every stored value, as it lies on disk or in the table. */
type RawRows = () => Promise<string>;

const stateDatabase = useStateDatabase();

const backends: { name: string; open: () => Promise<{ rows: InstallationRows; raw: RawRows }> }[] = [
  {
    name: 'embedded (a file in the state folder)',
    open: async () => {
      const dir = await tempDir('whosaid-installations-');
      return {
        rows: await FileInstallationRows.open(dir),
        raw: () => readFile(join(dir, 'installations.jsonl'), 'utf8'),
      };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      await stateDatabase.pool().query('DELETE FROM whosaid_installations');
      return {
        rows: new PostgresInstallationRows(stateDatabase.pool()),
        raw: async () =>
          (
            await stateDatabase
              .pool()
              .query<{ installation: string }>('SELECT installation FROM whosaid_installations')
          ).rows
            .map((row) => row.installation)
            .join('\n'),
      };
    },
  },
];

for (const backend of backends) {
  describe(`installation store: ${backend.name}`, () => {
    it('keeps each workspace its own token, answers any user of it, and forgets what revocations name', async () => {
      const { rows } = await backend.open();
      const store = new EncryptedInstallationStore(rows, seal());
      await store.storeInstallation(installation('T0ONE', 'U0ALICE'));
      await store.storeInstallation(installation('T0TWO', 'U0BOB'));
      assert.equal((await store.fetchInstallation(inTeam('T0ONE'))).bot?.token, 'xoxb-bot-T0ONE');
      assert.equal((await store.fetchInstallation(inTeam('T0TWO'))).bot?.token, 'xoxb-bot-T0TWO');
      // Bolt passes the user of every event: the installer gets their own token, anyone else the
      // workspace's bot and no user token (never the installer's).
      assert.equal(
        (await store.fetchInstallation(inTeam('T0ONE', 'U0ALICE'))).user.token,
        'xoxp-user-U0ALICE',
      );
      const someone = await store.fetchInstallation(inTeam('T0ONE', 'U0CAROL'));
      assert.equal(someone.bot?.token, 'xoxb-bot-T0ONE');
      assert.equal(someone.user.token, undefined);
      assert.equal(someone.user.id, 'U0CAROL');
      // A reinstall replaces the token.
      const reinstalled = installation('T0ONE', 'U0ALICE');
      assert.ok(reinstalled.bot);
      await store.storeInstallation({ ...reinstalled, bot: { ...reinstalled.bot, token: 'xoxb-new' } });
      assert.equal((await store.fetchInstallation(inTeam('T0ONE'))).bot?.token, 'xoxb-new');

      // tokens_revoked for the installer: their token goes, from their row and the workspace's.
      await store.deleteInstallation(inTeam('T0ONE', 'U0ALICE'));
      const afterRevoke = await store.fetchInstallation(inTeam('T0ONE', 'U0ALICE'));
      assert.equal(afterRevoke.user.token, undefined);
      assert.equal((await store.fetchInstallation(inTeam('T0ONE'))).user.token, undefined);
      assert.equal(afterRevoke.bot?.token, 'xoxb-new');
      // app_uninstalled: the whole workspace, and nothing of the other one.
      await store.deleteInstallation(inTeam('T0ONE'));
      await assert.rejects(store.fetchInstallation(inTeam('T0ONE')), NoInstallationError);
      await assert.rejects(store.fetchInstallation(inTeam('T0ONE', 'U0ALICE')), NoInstallationError);
      assert.equal((await store.fetchInstallation(inTeam('T0TWO'))).bot?.token, 'xoxb-bot-T0TWO');
      await store.close();
    });

    it('finds an org-wide install from any of its workspaces', async () => {
      const { rows } = await backend.open();
      const store = new EncryptedInstallationStore(rows, seal());
      await store.storeInstallation({
        ...installation('T0GRID1', 'U0CAROL', 'E0ORG'),
        team: undefined,
        isEnterpriseInstall: true,
      } as unknown as Installation<'v2', true>);
      const found = await store.fetchInstallation({
        enterpriseId: 'E0ORG',
        teamId: 'T0ANYWHERE',
        isEnterpriseInstall: true,
      });
      assert.equal(found.bot?.token, 'xoxb-bot-T0GRID1');
      await store.close();
    });

    it('stores tokens only encrypted, refuses rows it cannot trust, and re-seals after a key rotation', async () => {
      const { rows, raw } = await backend.open();
      const store = new EncryptedInstallationStore(rows, seal());
      await store.storeInstallation(installation('T0SECRET', 'U0DAVE'));
      assert.doesNotMatch(await raw(), /xox[bp]-/);
      assert.match(await raw(), /aes256gcm:/);
      const query = inTeam('T0SECRET');
      assert.equal((await store.fetchInstallation(query)).bot?.token, 'xoxb-bot-T0SECRET');
      // Another key cannot read them (GCM's tag does not verify), and a plain row is refused.
      await assert.rejects(
        new EncryptedInstallationStore(rows, seal(randomBytes(32))).fetchInstallation(query),
        /cannot be decrypted/,
      );
      await rows.put(
        { enterpriseId: '', teamId: 'T0PLAIN', userId: '' },
        JSON.stringify(installation('T0PLAIN', 'U0E')),
      );
      await assert.rejects(store.fetchInstallation(inTeam('T0PLAIN')), /stored unencrypted/);
      await rows.remove({ enterpriseId: '', teamId: 'T0PLAIN' });

      // Rotation: the new key with the old one as previous reads everything, then seals it anew.
      const newKey = randomBytes(32);
      const rotating = new EncryptedInstallationStore(rows, seal(newKey, [key]));
      assert.equal((await rotating.fetchInstallation(query)).bot?.token, 'xoxb-bot-T0SECRET');
      assert.equal(await rotating.reseal(), 2);
      assert.equal(await rotating.reseal(), 0);
      const rotated = new EncryptedInstallationStore(rows, seal(newKey));
      assert.equal((await rotated.fetchInstallation(query)).bot?.token, 'xoxb-bot-T0SECRET');
      await assert.rejects(store.fetchInstallation(query), /cannot be decrypted/);
      await store.close();
    });
  });
}

describe('installation store: embedded, across a restart', () => {
  it('reads the installations back, and an uninstalled token is gone from the file', async () => {
    const dir = await tempDir('whosaid-installations-');
    const first = new EncryptedInstallationStore(await FileInstallationRows.open(dir), seal());
    await first.storeInstallation(installation('T0KEEP', 'U0A'));
    await first.storeInstallation(installation('T0GONE', 'U0B'));
    const goneBefore = (await readFile(join(dir, 'installations.jsonl'), 'utf8')).length;
    await first.deleteInstallation(inTeam('T0GONE'));
    await first.close();
    const text = await readFile(join(dir, 'installations.jsonl'), 'utf8');
    // Two rows (workspace + installer) per installation: half the file went with T0GONE.
    assert.equal(text.trim().split('\n').length, 2);
    assert.ok(text.length < goneBefore);
    const second = new EncryptedInstallationStore(await FileInstallationRows.open(dir), seal());
    assert.equal((await second.fetchInstallation(inTeam('T0KEEP'))).bot?.token, 'xoxb-bot-T0KEEP');
    await assert.rejects(second.fetchInstallation(inTeam('T0GONE')), NoInstallationError);
    await second.close();
  });
});
