import type { RecordedCall } from './slack-api-stand-in.js';

/** All the text a message's blocks show, joined by newlines (section text and fields, context elements, headers). */
export function blockText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  return blocks
    .flatMap(
      (block: {
        text?: { text?: string };
        fields?: { text?: string }[];
        elements?: { text?: unknown }[];
      }) => [
        block.text?.text ?? '',
        ...(block.fields ?? []).map((field) => field.text ?? ''),
        // Context elements carry their text as a string; buttons' labels (objects) are not shown text.
        ...(block.elements ?? []).map((element) => (typeof element.text === 'string' ? element.text : '')),
      ],
    )
    .filter(Boolean)
    .join('\n');
}

/** The text of every block of the recorded calls (e.g. all chat.postMessage calls of one answer). */
export function postedText(calls: RecordedCall[]): string {
  return calls.map((call) => blockText(call.args.blocks)).join('\n');
}

/** Elements of the given type anywhere in the blocks (buttons, feedback_buttons…). */
export function elementsOfType(blocks: unknown, type: string): Record<string, unknown>[] {
  if (Array.isArray(blocks)) return blocks.flatMap((block) => elementsOfType(block, type));
  if (blocks && typeof blocks === 'object') {
    const record = blocks as Record<string, unknown>;
    return [
      ...(record.type === type ? [record] : []),
      ...Object.values(record).flatMap((value) => elementsOfType(value, type)),
    ];
  }
  return [];
}

/** The value an answer's feedback button sends back when clicked (what the message was posted with). */
export function feedbackButtonValue(blocks: unknown, button: 'positive' | 'negative'): string {
  const [buttons] = elementsOfType(blocks, 'feedback_buttons') as {
    positive_button?: { value?: string };
    negative_button?: { value?: string };
  }[];
  const value = buttons?.[`${button}_button`]?.value;
  if (value === undefined) throw new Error('the message has no feedback buttons');
  return value;
}
