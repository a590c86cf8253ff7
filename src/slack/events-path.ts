/**
 * Where Slack sends events, interactivity and slash commands in HTTP mode. A module of its own so the
 * CLI can name it in `serve --help` without loading Bolt.
 */
export const EVENTS_PATH = '/slack/events';
