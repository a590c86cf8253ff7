import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Installation } from '@slack/bolt';
import type pg from 'pg';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { PostgresInstallationStore } from '../../src/store/postgres-installation-store.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';

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

/** How Bolt asks for a workspace's installation (or one user's in it). */
function inTeam(teamId: string, userId?: string) {
  return { teamId, enterpriseId: undefined, isEnterpriseInstall: false, ...(userId ? { userId } : {}) };
}

describe('PostgresInstallationStore', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  before(async () => {
    database = await createTestDatabase();
    pool = testPool(database.url);
    await migrate(pool, await loadMigrations('state'));
  });
  after(async () => {
    await pool.end();
    await database.drop();
  });

  it('keeps each workspace its own token, and forgets what tokens_revoked and app_uninstalled name', async () => {
    const store = new PostgresInstallationStore(pool);
    await store.storeInstallation(installation('T0ONE', 'U0ALICE'));
    await store.storeInstallation(installation('T0TWO', 'U0BOB'));
    const one = await store.fetchInstallation(inTeam('T0ONE'));
    const two = await store.fetchInstallation(inTeam('T0TWO'));
    assert.equal(one.bot?.token, 'xoxb-bot-T0ONE');
    assert.equal(two.bot?.token, 'xoxb-bot-T0TWO');
    const alice = await store.fetchInstallation(inTeam('T0ONE', 'U0ALICE'));
    assert.equal(alice.user.token, 'xoxp-user-U0ALICE');
    // A reinstall replaces the token.
    const reinstalled = installation('T0ONE', 'U0ALICE');
    assert.ok(reinstalled.bot);
    await store.storeInstallation({ ...reinstalled, bot: { ...reinstalled.bot, token: 'xoxb-new' } });
    assert.equal((await store.fetchInstallation(inTeam('T0ONE'))).bot?.token, 'xoxb-new');

    // tokens_revoked for a user: that user's tokens only.
    await store.deleteInstallation(inTeam('T0ONE', 'U0ALICE'));
    await assert.rejects(
      store.fetchInstallation(inTeam('T0ONE', 'U0ALICE')),
      /no installation for workspace T0ONE/,
    );
    assert.ok(await store.fetchInstallation(inTeam('T0ONE')));
    // app_uninstalled: the whole workspace, and nothing of the other one.
    await store.deleteInstallation(inTeam('T0ONE'));
    await assert.rejects(store.fetchInstallation(inTeam('T0ONE')));
    assert.equal((await store.fetchInstallation(inTeam('T0TWO'))).bot?.token, 'xoxb-bot-T0TWO');
  });

  it('finds an org-wide install from any of its workspaces', async () => {
    const store = new PostgresInstallationStore(pool);
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
  });

  it('encrypts tokens at rest with a key, and refuses rows it cannot trust', async () => {
    const key = randomBytes(32);
    const store = new PostgresInstallationStore(pool, key);
    await store.storeInstallation(installation('T0SECRET', 'U0DAVE'));
    const { rows } = await pool.query<{ installation: string }>(
      "SELECT installation FROM whosaid_installations WHERE team_id = 'T0SECRET'",
    );
    assert.equal(rows.length, 2);
    for (const row of rows) assert.doesNotMatch(row.installation, /xox[bp]-/);
    const query = inTeam('T0SECRET');
    assert.equal((await store.fetchInstallation(query)).bot?.token, 'xoxb-bot-T0SECRET');
    await assert.rejects(new PostgresInstallationStore(pool, randomBytes(32)).fetchInstallation(query));
    await assert.rejects(new PostgresInstallationStore(pool).fetchInstallation(query), /the key is needed/);
    await new PostgresInstallationStore(pool).storeInstallation(installation('T0PLAIN', 'U0ERIN'));
    await assert.rejects(
      store.fetchInstallation(inTeam('T0PLAIN')),
      /stored unencrypted although a key is configured/,
    );
    assert.throws(() => new PostgresInstallationStore(pool, randomBytes(16)), /32 bytes/);
  });
});
