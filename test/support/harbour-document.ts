/** A document the bundled corpus does not have, to show that a rebuild brings it to the running bot. */
export const HARBOUR_DOCUMENT = [
  '---',
  'title: Harbour works',
  'publisher: Test Wire',
  '---',
  '“The new pier opens on Friday,” said Marta Quillfeather, the harbour master of Port Verrin.',
  '',
].join('\n');
