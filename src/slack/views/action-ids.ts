/**
 * Identifiers shared by the views that render interactive elements and the listeners that handle them.
 * The listener registry is built from these, and a test checks both sides match the manifest.
 */
export const ACTION_IDS = {
  answerFeedback: 'answer_feedback',
  quoteMore: 'quote_more',
  quoteShare: 'quote_share',
} as const;

export const SHORTCUT_IDS = {
  summarizeThread: 'summarize_thread',
  addToWhosaid: 'add_to_whosaid',
  checkQuote: 'check_quote',
} as const;

export const COMMANDS = {
  quote: '/quote',
} as const;
