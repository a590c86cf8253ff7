import type { types } from '@slack/bolt';
import type { CitedSource } from '../../answer/follow-up-question.js';

/** Block Kit types, named once so views do not each reach into Bolt's namespaces. */
export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;
export type HomeView = types.HomeView;

/** A message ready for chat.postMessage / response_url: notification text plus blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
  /**
   * For the first message of an answer: the passages it cites (none when it abstains), kept with the
   * message as metadata so a follow-up ("which letter was that?") can be read against them.
   */
  sources?: CitedSource[];
}
