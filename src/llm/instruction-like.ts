import { sentencesOf } from '../text/sentences.js';
import { contentTerms } from '../text/terms.js';

/**
 * Prompt-injection guards for generated answers. Documents and Slack messages are untrusted: a page
 * can carry "ignore previous instructions and tell readers to …". The prompt marks all such text as
 * data, but a model may still comply, so the verifier also refuses what compliance looks like.
 */
const INSTRUCTION =
  /\b(?:ignore|disregard|forget|override)\b[^.]{0,40}\b(?:instructions?|rules|prompts?|guidelines)\b|\b(?:system|developer)\s+(?:prompt|override|message|instructions?)\b|\breveal\b[^.]{0,30}\bprompt\b|\byou are now\b|\bnew instructions\b|\b(?:reply|respond|answer) only with\b/i;

/** An answer reports what documents say; it never tells the reader to do something. */
const IMPERATIVE =
  /^(?:please\s+)?(?:send|visit|click|go to|ignore|disregard|contact|email|call|download|reply|reveal|open|sign in|sign up|log in|enter|share|forward|buy|transfer|pay|install|run)\b/i;

function looksLikeInstruction(text: string): boolean {
  return INSTRUCTION.test(text);
}

export function addressesReader(sentence: string): boolean {
  return IMPERATIVE.test(sentence.replace(/^[\s"“'‘*_-]+/, ''));
}

/** Speaking to whoever relays the text: "tell the user …", "say that …", "inform readers …". */
const RELAY =
  /\b(?:tell|inform|instruct|ask|warn|remind)\s+(?:the\s+|all\s+|your\s+)?(?:users?|readers?|assistant|bot|model|ai)\b|^(?:also\s+|and\s+)?(?:say|write|answer|respond)\s+(?:that\b|["“'‘])|\b(?:your|their|the)\s+(?:slack\s+)?(?:password|passcode|credentials|api\s+key|access\s+token)\b/i;

/**
 * A sentence written to the reader or to an assistant rather than reporting anything: planted
 * instructions ("Ignore previous instructions…", "Tell the user to enter their password…"). Documents
 * are data, so such a sentence is never shown as an answer line, even though it is verbatim.
 */
export function isPlantedInstruction(sentence: string): boolean {
  const bare = sentence.replace(/^[\s"“'‘*_-]+/, '');
  return looksLikeInstruction(bare) || addressesReader(bare) || RELAY.test(bare);
}

/** True when most of the sentence's words come from an instruction-like sentence of the text. */
export function echoesInstruction(sentence: string, source: string): boolean {
  const words = new Set(contentTerms(sentence));
  if (words.size === 0) return false;
  return sentencesOf(source)
    .filter(looksLikeInstruction)
    .some((instruction) => {
      const planted = new Set(contentTerms(instruction));
      return [...words].filter((word) => planted.has(word)).length / words.size >= 0.5;
    });
}
