/**
 * A request for an account of what was said: a summary verb ("summarize", "sum up", "recap",
 * "tl;dr", "catch me up", "give me a summary / recap / rundown / gist / digest") or a question about
 * what went on ("what did I miss", "what happened", "what's been happening / going on / said /
 * discussed"), at the start of the message, as such requests are phrased.
 */
const ACCOUNT =
  /^(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?(?:summari[sz]e|sum\s+up|recap|tl;?\s?dr|catch\s+me\s+up|give\s+me\s+(?:a\s+|the\s+)?(?:summary|recap|rundown|gist|digest|tl;?\s?dr)|what\s+did\s+i\s+miss|what(?:'s|’s|\s+has|\s+have)?\s+(?:been\s+)?(?:happening|happened|going\s+on|said|discussed|new))\b/i;

/**
 * Where it asks about: the channel itself ("this channel") or a channel link. The determiner matters:
 * "a channel" or "channels" are a topic, not this place.
 */
const CHANNEL_REFERENCE = /\b(?:this|the|our|current)\s+channel\b|<#[CG][A-Z0-9]+(?:\|[^>]*)?>/i;
/**
 * A place named only by deixis ("here", "this conversation"): the channel, except inside a channel's
 * thread, where it is the thread (which has its own summary).
 */
const DEICTIC_REFERENCE = /\b(?:this|the|our|current)\s+(?:conversation|chat)\b|\bhere\b/i;

/**
 * A summary of something else: a document ("the Reed statement", "the article here") or a thread,
 * which have their own summaries. A message naming one is not about the channel as a whole.
 */
const OTHER_OBJECT =
  /\b(?:article|story|piece|document|doc|letter|statement|release|report|memo|file|thread|page|link)s?\b/i;

/**
 * A summary limited to a topic ("what's been said about the budget here") asks something of the
 * documents or of a part of the channel, not for the whole channel's account.
 */
const TOPIC = /\b(?:about|regarding|concerning)\b/i;

/** A channel link in a message's Slack markup: `<#C0123|general>`. */
const CHANNEL_LINK = /<#([CG][A-Z0-9]+)(?:\|[^>]*)?>/;

/**
 * Whether a message asks for a summary of a channel's recent messages, and of which: the channel a
 * link names, or else (null) the channel the message is about — the one the asker is viewing, or the
 * one it was written in. `raw` is the message's Slack markup (links intact), `question` its readable
 * text; `inChannelThread` when it is a reply in a thread of a channel (not of a DM with the bot, whose
 * "here" is what the asker is viewing).
 */
export function channelSummaryRequest(
  raw: string,
  question: string,
  inChannelThread = false,
): { channel: string | null } | null {
  const text = question.trim();
  if (!ACCOUNT.test(text) || OTHER_OBJECT.test(text) || TOPIC.test(text)) return null;
  const link = CHANNEL_LINK.exec(raw)?.[1];
  if (link) return { channel: link };
  if (CHANNEL_REFERENCE.test(text)) return { channel: null };
  return !inChannelThread && DEICTIC_REFERENCE.test(text) ? { channel: null } : null;
}
