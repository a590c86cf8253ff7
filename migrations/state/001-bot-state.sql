-- The bot's shared state (WHOSAID_DATABASE_URL): what src/store/state-store.ts describes, for several
-- replicas at once. Needs plain PostgreSQL only.

-- Dedupe keys and answered threads: a key is claimed by the one INSERT that creates it (or takes
-- over an expired one); expired keys are deleted from time to time.
CREATE TABLE whosaid_claims (
  key text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX whosaid_claims_expires_at ON whosaid_claims (expires_at);

-- Replies still to post. `owner` is the replica delivering the entry, identified by the advisory
-- lock it holds while it runs (pg_advisory_lock(namespace, owner)): when that lock is gone the
-- replica is gone, and the next replica to start takes its entries over.
CREATE TABLE whosaid_outbox (
  id text PRIMARY KEY,
  created_at bigint NOT NULL,
  body jsonb NOT NULL,
  owner integer NOT NULL
);

-- Every feedback click, in the order recorded; never expired.
CREATE TABLE whosaid_feedback (
  id bigserial PRIMARY KEY,
  entry jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

-- Slack installations for several workspaces (OAuth, Bolt's installationStore): one row per
-- organisation or workspace (user_id '') and one per installing user, keyed as Bolt looks them up:
-- an org-wide install by enterprise id (team_id ''), any other by team id. `installation` is the
-- JSON Bolt stores, encrypted when a key is configured (see src/store/postgres-installation-store.ts).
CREATE TABLE whosaid_installations (
  enterprise_id text NOT NULL DEFAULT '',
  team_id text NOT NULL DEFAULT '',
  user_id text NOT NULL DEFAULT '',
  installation text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, team_id, user_id)
);
