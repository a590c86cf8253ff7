/**
 * Standard English abbreviations of titles and common words, as news style guides (AP, Chicago) and
 * dictionaries list them: "Sen. Reed" is Senator Reed to every reader. A linguistic resource like the
 * stop-word list, not a list of the corpus's names.
 */
const ABBREVIATIONS: Record<string, string> = {
  sen: 'senator',
  sens: 'senators',
  rep: 'representative',
  reps: 'representatives',
  gov: 'governor',
  gen: 'general',
  lt: 'lieutenant',
  col: 'colonel',
  maj: 'major',
  capt: 'captain',
  sgt: 'sergeant',
  adm: 'admiral',
  cmdr: 'commander',
  supt: 'superintendent',
  atty: 'attorney',
  amb: 'ambassador',
  pres: 'president',
  sec: 'secretary',
  secy: 'secretary',
  dept: 'department',
  prof: 'professor',
  dr: 'doctor',
  "gov't": 'government',
  govt: 'government',
  "int'l": 'international',
  "nat'l": 'national',
  assn: 'association',
  corp: 'corporation',
  'co-op': 'cooperative',
  admin: 'administration',
  // Parties and offices as US political news shortens them in headlines and posts.
  dem: 'democrat',
  dems: 'democrats',
  gop: 'republican',
  potus: 'president',
  // Months as news style abbreviates them ("Sept. 15"); not "Mar", which is also an English verb.
  jan: 'january',
  feb: 'february',
  apr: 'april',
  jun: 'june',
  jul: 'july',
  aug: 'august',
  sep: 'september',
  sept: 'september',
  oct: 'october',
  nov: 'november',
  dec: 'december',
};

/** The full word for an abbreviation ("Sen." or "sen" → "senator"), or null. */
export function expandAbbreviation(word: string): string | null {
  return ABBREVIATIONS[word.toLowerCase().replace(/\.$/, '').replace(/’/g, "'")] ?? null;
}
