/** One question to answer in Slack, as the listeners hand it to the Ask flow. */
export interface AnswerRequest {
  channel: string;
  /** The thread to answer in (the question's own ts for a top-level question). */
  threadTs: string;
  user: string;
  teamId: string | undefined;
  /**
   * The channel whose collections answer, when it is not `channel`: in a DM from the agent view, the
   * channel the asker is viewing (Slack's app_context), so its binding chooses the documents (when it
   * has none, the DM's own binding or the defaults do).
   */
  readsChannel?: string;
  /** The question as readable text (mentions of the bot removed). */
  question: string;
  /**
   * The question's own message, when it is a reply in a thread: the thread's earlier turns are then
   * read, so a follow-up ("and what did he say about X?") is answered in their light.
   */
  messageTs?: string;
  /**
   * Auto-answer channels: reply only when the documents support an answer, and show no progress for
   * messages that may well not be questions for the bot.
   */
  onlyIfSupported?: boolean;
}
