/** One question to answer in Slack, as the listeners hand it to the Ask flow. */
export interface AnswerRequest {
  channel: string;
  /** The thread to answer in (the question's own ts for a top-level question). */
  threadTs: string;
  user: string;
  teamId: string | undefined;
  /** The question as readable text (mentions of the bot removed). */
  question: string;
  /**
   * Auto-answer channels: reply only when the documents support an answer, and show no progress for
   * messages that may well not be questions for the bot.
   */
  onlyIfSupported?: boolean;
}
