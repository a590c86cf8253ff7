import type { types } from '@slack/bolt';

/** Block Kit types, named once so views do not each reach into Bolt's namespaces. */
export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;
export type HomeView = types.HomeView;

/** A message ready for chat.postMessage / response_url: notification text plus blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
