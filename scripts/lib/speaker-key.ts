/**
 * A speaker's name as the evaluations compare it: without case, a leading article or curly
 * apostrophes, which writers of gold vary for unnamed speakers ("Officials" / "officials", "Person
 * familiar with …" / "a person familiar with …") without meaning anyone else.
 */
export function speakerKey(name: string): string {
  return name
    .replace(/[’‘]/g, "'")
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
