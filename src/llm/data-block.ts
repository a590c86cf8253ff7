/**
 * Untrusted text (documents, Slack messages, questions) goes into prompts inside tags. A document that
 * contains "</passage>" could otherwise close the tag and pose as instructions, so tag-like sequences
 * for our own tags are neutralised (the "<" becomes "‹"), and nothing else is changed.
 */
const OUR_TAGS = /<(\/?)(passages?|question|transcript|message|quotes?)\b/gi;

export function neutralizeTags(text: string): string {
  return text.replace(OUR_TAGS, '‹$1$2');
}

/** Attribute values: quotes and angle brackets removed so the opening tag stays well-formed. */
export function attributeValue(text: string): string {
  return text.replace(/["<>\n]/g, ' ').trim();
}
