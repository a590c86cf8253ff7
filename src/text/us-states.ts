/**
 * The fifty states and DC with their USPS codes and AP-style abbreviations ("Virginia": "VA", "Va."),
 * as US news writes them after a legislator's party ("D-VA", "D-Mass."). WordNet lists codes for only
 * some states, so the table completes it; a geographic resource like the abbreviation list, not a list of
 * the corpus's names.
 */
const STATES: [name: string, usps: string, ap: string | null][] = [
  ['Alabama', 'AL', 'Ala.'],
  ['Alaska', 'AK', null],
  ['Arizona', 'AZ', 'Ariz.'],
  ['Arkansas', 'AR', 'Ark.'],
  ['California', 'CA', 'Calif.'],
  ['Colorado', 'CO', 'Colo.'],
  ['Connecticut', 'CT', 'Conn.'],
  ['Delaware', 'DE', 'Del.'],
  ['District of Columbia', 'DC', 'D.C.'],
  ['Florida', 'FL', 'Fla.'],
  ['Georgia', 'GA', 'Ga.'],
  ['Hawaii', 'HI', null],
  ['Idaho', 'ID', null],
  ['Illinois', 'IL', 'Ill.'],
  ['Indiana', 'IN', 'Ind.'],
  ['Iowa', 'IA', null],
  ['Kansas', 'KS', 'Kan.'],
  ['Kentucky', 'KY', 'Ky.'],
  ['Louisiana', 'LA', 'La.'],
  ['Maine', 'ME', null],
  ['Maryland', 'MD', 'Md.'],
  ['Massachusetts', 'MA', 'Mass.'],
  ['Michigan', 'MI', 'Mich.'],
  ['Minnesota', 'MN', 'Minn.'],
  ['Mississippi', 'MS', 'Miss.'],
  ['Missouri', 'MO', 'Mo.'],
  ['Montana', 'MT', 'Mont.'],
  ['Nebraska', 'NE', 'Neb.'],
  ['Nevada', 'NV', 'Nev.'],
  ['New Hampshire', 'NH', 'N.H.'],
  ['New Jersey', 'NJ', 'N.J.'],
  ['New Mexico', 'NM', 'N.M.'],
  ['New York', 'NY', 'N.Y.'],
  ['North Carolina', 'NC', 'N.C.'],
  ['North Dakota', 'ND', 'N.D.'],
  ['Ohio', 'OH', null],
  ['Oklahoma', 'OK', 'Okla.'],
  ['Oregon', 'OR', 'Ore.'],
  ['Pennsylvania', 'PA', 'Pa.'],
  ['Rhode Island', 'RI', 'R.I.'],
  ['South Carolina', 'SC', 'S.C.'],
  ['South Dakota', 'SD', 'S.D.'],
  ['Tennessee', 'TN', 'Tenn.'],
  ['Texas', 'TX', null],
  ['Utah', 'UT', null],
  ['Vermont', 'VT', 'Vt.'],
  ['Virginia', 'VA', 'Va.'],
  ['Washington', 'WA', 'Wash.'],
  ['West Virginia', 'WV', 'W.Va.'],
  ['Wisconsin', 'WI', 'Wis.'],
  ['Wyoming', 'WY', 'Wyo.'],
];

const byName = new Map(STATES.map(([name, usps, ap]) => [name.toLowerCase(), [usps, ...(ap ? [ap] : [])]]));
const byCode = new Map(STATES.map(([name, usps]) => [usps, name]));

/**
 * The state's other names: its codes for a state's name ("Virginia" → "VA", "Va."), its name for a USPS
 * code ("VA" → "Virginia"); [] for any other word. A code is only read in capitals: "me", "or", "in"
 * are words.
 */
export function stateNames(word: string): string[] {
  const codes = byName.get(word.trim().toLowerCase());
  if (codes) return codes;
  const name = byCode.get(word.trim());
  return name ? [name] : [];
}

/** The state names as typed in lower case ("massachusetts", "new hampshire"), longest first. */
export const LOWERCASE_STATE_NAME = new RegExp(
  String.raw`\b(?:${[...byName.keys()].sort((a, b) => b.length - a.length).join('|')})\b`,
  'g',
);

/**
 * The party letter of a US party-state tag ("D-MA", "R-Texas", "I-Vt."): news style (AP, the
 * Congressional Record) writes a member's party as its initial before the state.
 */
const PARTY_LETTERS: Record<string, string[]> = {
  D: ['democrat', 'democratic'],
  R: ['republican'],
  I: ['independent'],
};

/** The party words a tag's letter stands for ("D-MA" → democrat, democratic), or []. */
export function partyOfTag(tag: string): string[] {
  const match = /^([DRI])-\p{Lu}/u.exec(tag.trim());
  return match?.[1] ? (PARTY_LETTERS[match[1]] ?? []) : [];
}
