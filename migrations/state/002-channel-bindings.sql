-- Which collections each Slack channel reads (issue 16). `team` is the installation, or '' for a
-- binding made on the command line without --team (it holds for that channel id in any installation;
-- what an installation may read is still checked when the binding is used).
CREATE TABLE whosaid_channel_bindings (
  team text NOT NULL,
  channel text NOT NULL,
  collections text[] NOT NULL,
  PRIMARY KEY (team, channel)
);
