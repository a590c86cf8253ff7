/**
 * What kind of answer a question asks for, from its first words: English marks the kind of question
 * at its start (wh-word or auxiliary verb), so this holds for any topic.
 */
export type QuestionKind = 'who-said' | 'who' | 'yes-no' | 'when' | 'how-many' | 'why' | 'other';

const SPEECH_VERB =
  /\b(?:say|said|says|tell|told|warn(?:ed|s)?|claim(?:ed|s)?|argue[ds]?|call(?:ed|s)?|describe[ds]?|accuse[ds]?|quote[ds]?|write|wrote|state[ds]?|comment(?:ed)?|predict(?:ed)?|suggest(?:ed)?)\b/i;

export function questionKind(
  question: string,
  isSpeechVerb: (word: string) => boolean = () => false,
): QuestionKind {
  const text = question.trim().replace(/^(?:(?:hey|hi|ok|so|and|but|also|quick one)[,:]?\s+)+/i, '');
  // "Who did the senators write to?" asks for the object (an auxiliary follows "who"); "Who wrote …?"
  // asks for the subject, the speaker when the verb is one of speech.
  if (/^(?:who|whom)\s+(?:did|does|do|has|have|had|will|would|should|can|could)\b/i.test(text)) return 'who';
  const speech =
    SPEECH_VERB.test(text) || /^\S+\s+(\p{L}+)/u.exec(text)?.slice(1).some(isSpeechVerb) === true;
  if (/^(?:who|whom)\b/i.test(text)) return speech ? 'who-said' : 'who';
  // "(Can you tell me) whether Musk has a clearance": an embedded yes/no question (withoutRequestFrame
  // reads an embedded "if" as "whether"; a leading "if" otherwise opens a condition).
  if (/^whether\b/i.test(text)) return 'yes-no';
  // "Which senator warned…" asks for the speaker; "Which providers did Meyer say…" (an auxiliary after
  // the wh-phrase) asks for the object of what was said.
  const objectQuestion =
    /^which\s+(?:\p{L}+\s+){1,3}(?:did|does|do|has|have|had|will|would|could|can)\b/iu.test(text);
  if (/^which\s+\S+/i.test(text) && SPEECH_VERB.test(text) && !objectQuestion) return 'who-said';
  if (
    /^(?:since\s+)?when\b|^(?:(?:by|on|until|in)\s+)?(?:what|which)\s+(?:exact\s+)?(?:day|date|deadline|year|month|time)\b/i.test(
      text,
    )
  )
    return 'when';
  if (/^how\s+(?:many|much|long)\b/i.test(text)) return 'how-many';
  if (/^why\b|^what\s+(?:was|is|were|are)\s+the\s+reasons?\b/i.test(text)) return 'why';
  if (
    /^(?:did|does|do|is|was|were|are|has|have|had|can|could|will|would|should|isn't|wasn't|didn't|doesn't)\b/i.test(
      text,
    )
  )
    return 'yes-no';
  return 'other';
}

/**
 * The question without a leading adverbial clause: "When Axios reached out, what did SpaceX say?",
 * "If his clearance is pulled, who loses?". English closes such a clause with a comma before the
 * question's own wh-word or auxiliary, which then decides what kind of answer is asked for.
 */
export function mainClause(asked: string): string {
  const question = withoutRequestFrame(asked);
  const match =
    /^\s*(?:when|if|after|before|since|while|once|as|now\s+that|given\s+that)\s+[^,?]{3,120},\s*((?:what|who|whom|which|how|why|when|where|did|does|do|is|are|was|were|has|have|had|can|could|will|would|should)\b.*)$/is.exec(
      question,
    );
  // "… if Musk has a clearance" asks whether he has one: an embedded "if" is "whether", no condition.
  return match?.[1]?.replace(/^if\b/i, 'whether') ?? question;
}

/**
 * "Can you tell me what Nelson said?", "do you know when the Journal reported it?": a polite frame
 * round an embedded question, which is the question asked (English puts the embedded one in statement
 * order: "what Nelson said"). Only when a wh-word, "if" or "whether" follows the frame.
 */
export function withoutRequestFrame(question: string): string {
  const match =
    /^\s*(?:(?:hey|hi|ok|so)[,:]?\s+)?(?:(?:can|could|would|will)\s+(?:you|u|someone|anyone)\s+(?:please\s+)?(?:tell|show|remind)\s+(?:me|us)|(?:do|does)\s+(?:you|u|anyone|someone)\s+know|i(?:['’]d|\s+would)\s+like\s+to\s+know|i\s+(?:wonder|want\s+to\s+know)|(?:please\s+)?tell\s+me)\s+((?:what|who|whom|which|when|where|why|how|whether|if)\b.*)$/is.exec(
      question,
    );
  // "… if Musk has a clearance" asks whether he has one: an embedded "if" is "whether", no condition.
  return match?.[1]?.replace(/^if\b/i, 'whether') ?? question;
}
