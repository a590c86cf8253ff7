// Closed noun lists: what a speaker's noun phrase may end in, and what makes a run of capitals an
// organisation or a publication. Like lexicon.ts (verbs and function words), precision comes from these
// being closed. Everything is lowercase.

import { isCommonWord } from '../text/word-lexicon.js';

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Capitalised words that make a run of capitals an organisation rather than a person. */
export const ORG_WORDS = words(`
  department dept ministry agency administration office committee council commission company co corp
  corporation inc llc ltd plc group university college school academy association union institute
  foundation bank court party force army navy marines guard police senate house congress parliament
  pentagon service services board authority bureau center centre fund trust team club league federation
  organization organisation coalition alliance network systems technologies labs industries holdings
  partners capital airlines motors hospital church city county defense defence justice homeland treasury
  commerce interior energy labor labour education transportation agriculture security intelligence
  community armed foreign relations kremlin capitol white government republic states nations robotics
  pharmaceuticals therapeutics media software solutions brands foods logistics entertainment studios games
  ventures health insurance electric power oil gas steel mining semiconductor semiconductors labs
  communications telecom wireless networks financial securities realty properties hotels resorts pharma
  biotech sciences healthcare retail stores markets air airways aerospace automotive chemicals cooperative co-op chamber
  associates transit tribe tribes workers
`);

/** Last words that make a run of capitals a publication. */
export const PUBLICATION_WORDS = words(`
  journal times post tribune herald globe gazette chronicle news press daily telegraph guardian observer
  independent economist magazine inquirer examiner courier register dispatch sentinel bulletin monitor
  atlantic verge intercept hill wire
`);

/** Publications conventionally named with "The" (The Wall Street Journal, The New York Times). */
export const THE_PUBLICATION_WORDS = words(`
  journal times post tribune herald globe gazette chronicle telegraph guardian observer independent
  economist inquirer examiner atlantic verge intercept hill
`);

/** Outlets usually named by a single word. */
export const OUTLET_NAMES = words(`
  axios reuters bloomberg politico semafor cnn nbc abc cbs msnbc npr pbs bbc afp vox wired forbes fortune
  insider buzzfeed slate salon propublica techcrunch engadget gizmodo deadline variety espn newsweek cnbc
`);

const GENERIC_ORG_HEAD_LIST =
  'company firm startup automaker carmaker retailer airline developer manufacturer utility refinery refiner insurer lender';
/** "the companies", "the unions": the plural of an organisation's noun is a group of bodies. */
const BODY_PLURALS = `${GENERIC_ORG_HEAD_LIST} union`
  .split(' ')
  .map((head) => head.replace(/y$/, 'ie') + 's');

/** Plural heads of people groups: `the lawmakers`, `the Senators`, `officials`; and of bodies. */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  ...words(`
  senators lawmakers legislators representatives congressmen officials members leaders executives lawyers
  attorneys prosecutors investigators detectives officers police authorities researchers scientists
  experts analysts economists doctors nurses teachers students parents residents neighbors neighbours
  protesters demonstrators activists advocates critics supporters opponents voters workers employees
  staff staffers players coaches fans organizers organisers plaintiffs defendants judges justices
  commissioners councilmembers trustees regulators diplomats negotiators sources people witnesses
  survivors victims families owners investors shareholders democrats republicans authors historians
  scholars administrators directors aides advisers advisors
`),
  ...BODY_PLURALS,
]);

/**
 * Offices written as titles before a name (lexicon.ts TITLE_WORDS) that also name their holder alone:
 * "House Speaker Raymond Thiel … the speaker told reporters", "Dean Ruth Ames … the dean said".
 */
const OFFICE_TITLES = `councillor councilor premier chancellor speaker dean provost bishop archbishop cardinal
  pope rabbi imam pastor comptroller controller sergeant lieutenant marshal agent delegate supervisor`;

/** Singular heads of a person described by role: `the NASA administrator`, `the commissioner`. */
export const ROLE_NOUNS = words(`
  attorney lawyer spokesperson spokesman spokeswoman official senator administrator commissioner secretary
  director chairman chairwoman chair president ceo founder executive analyst economist professor researcher
  scientist biographer author historian expert coach manager player quarterback pitcher striker captain
  judge justice prosecutor detective officer sheriff chief mayor governor minister ambassador aide adviser
  advisor consultant strategist doctor physician nurse teacher principal superintendent owner engineer
  pilot witness leader lawmaker legislator representative congressman congresswoman councilmember
  councilman councilwoman clerk treasurer auditor general colonel admiral commander diplomat negotiator
  organizer activist advocate candidate nominee defendant plaintiff investigator regulator trustee banker
  investor journalist reporter editor columnist producer inspector member resident worker employee student
  critic forward midfielder defender goalkeeper winger linebacker receiver shortstop catcher teammate rookie
  veteran neighbor neighbour volunteer supporter opponent voter parent patient farmer economist person head
  steward moderator host interviewer narrator presenter emcee
  ${OFFICE_TITLES}
`);

/**
 * Person nouns by their form, for the open class the list above cannot close: agent compounds in
 * -man/-woman/-person ("longshoreman", "fisherwoman", "chairperson") and the learned suffixes
 * -ologist, -ician, -ographer ("glaciologist", "statistician", "demographer") only ever name people.
 */
const ROLE_SHAPE = /^\p{Ll}[\p{Ll}-]{2,}(?:man|woman|person|ologist|ician|ographer)$/u;

/**
 * The agent suffix -ist ("novelist", "cellist", "pianist", "artist") names a person, unless the word is
 * a verb ending in -sist/-xist ("insist", "exist") or a compound of "list" ("checklist", "playlist":
 * what comes before "list" is a word of its own).
 */
function isAgentInIst(bare: string): boolean {
  if (!/^\p{Ll}{3,}ist$/u.test(bare) || /(?:sist|xist)$/.test(bare)) return false;
  return !(bare.endsWith('list') && isCommonWord(bare.slice(0, -4)));
}

/** A singular noun naming a person by role: listed, or of a person-only form. */
export function isRoleNoun(bare: string): boolean {
  return ROLE_NOUNS.has(bare) || ROLE_SHAPE.test(bare) || isAgentInIst(bare);
}

/** Heads of an organisation named by a common noun: `the company`, `the city's finance office`. */
export const ORG_NOUNS = words(`
  company firm agency department office organization organisation group campaign team club league union
  committee council board ministry government administration city county district school university
  hospital bank paper newspaper outlet network station magazine startup automaker carmaker retailer
  airline nonprofit charity coalition commission court panel bureau authority institute foundation
  police prosecutors association utility developer manufacturer publisher family tribe nation embassy
  museum library church diocese archdiocese parish legislature assembly military army navy federation
  confederation alliance service center centre cooperative co-op refinery refiner insurer lender majority
  management prefecture fund trust laboratory
`);

/** Heads meaning a publication when used generically: `the paper`, `the newspaper`. */
export const GENERIC_PUBLICATION_NOUNS = words('paper newspaper outlet magazine publication');

/** Documents that speak for their owner: `its statement`, `the Senators' letter`, `SpaceX's statement`. */
export const STATEMENT_NOUNS = words(`
  statement letter email e-mail post tweet release filing memo complaint lawsuit motion report note
  message op-ed testimony remarks announcement survey poll study dissent concurrence diary journal entry
  postcard account page website feed blog channel newsletter
`);

/** Heads that speak for the organisation after "for": `a spokesperson for SpaceX` → SpaceX. */
export const SPOKES_NOUNS = words('spokesperson spokesman spokeswoman spokespeople representative rep');

/**
 * Participles of the verbs that make a document ("A memo prepared by the Finance Department", "an alert
 * sent by the office", "a report issued by the agency"): their agent is the document's author.
 */
export const DOCUMENT_MAKING = words(
  'written drafted penned authored signed prepared issued sent compiled produced released posted published',
);

/** Heads that mean "the organisation last named": `the company said`. */
export const GENERIC_ORG_HEADS = words(GENERIC_ORG_HEAD_LIST);

/**
 * Heads by which a court ruling's report refers to the court that ruled: "the majority held that …",
 * "the majority wrote" (the majority opinion is the court's).
 */
export const COURT_HEADS = words('majority');

/**
 * "Management says …", "the management said": in news of a workplace, the employer's leadership, which
 * speaks for the employer the text is about (never for the union facing it).
 */
export const MANAGEMENT_HEADS = words('management');

/** Bodies that speak for workers, the other side from management: unions, federations, guilds. */
export const LABOUR_BODY = /\b(?:Union|Federation|Guild|Brotherhood|Teamsters|Workers|Employees|Staff)\b/;

/**
 * "the union said" after "The United Bakery and Confectionery Workers, which represents …": a union is
 * named for its members' trade as often as with the word "Union", so the head means the workers' body
 * the text has been about.
 */
export const LABOUR_HEADS = words('union');

/** Heads that mean "the public body last named": `the agency said` after the Federal Aviation Administration. */
export const GENERIC_PUBLIC_HEADS = words('agency');

/**
 * "the company" is not the Pentagon: public bodies are excluded when resolving a generic company. A
 * name ending in "Transit" ("Ferrisburg Transit", "Metro Transit") is a city's or region's transit
 * agency in North American usage, so "the agency" may mean it. Countries ("the United States", "the
 * United Kingdom") are public bodies too, never "the company".
 */
export const PUBLIC_BODY =
  /\b(?:Department|Pentagon|Agency|Ministry|Committee|Senate|House|Congress|Council|Court|Police|Army|Navy|Force|Administration|Office|Commission|Bureau|Service|Authority|Transit|City|County|State|States|Nations|Republic|Kingdom|University|School|Party|Government|Parliament|NASA|FBI|CIA|DOD|DOJ)\b/;

/**
 * Bodies "the company" never means: public bodies, and the non-profit kinds English names by their own
 * head noun (a fund, a foundation, an institute, an association or union, a church, a museum …).
 */
export const NOT_A_COMPANY = new RegExp(
  String.raw`${PUBLIC_BODY.source}|\b(?:Fund|Foundation|Institute|Association|Union|Society|Church|Museum|Library|Hospital|College|Academy|Coalition|Federation|League|Club)\b`,
);

/** "Gov. Kathy Hochul" is "the governor". */
export const TITLE_ABBREVIATIONS: Record<string, string> = {
  'gov.': 'governor',
  'sen.': 'senator',
  'rep.': 'representative',
  'lt.': 'lieutenant',
  'gen.': 'general',
  'dr.': 'doctor',
  'prof.': 'professor',
  'sgt.': 'sergeant',
  'capt.': 'captain',
  'supt.': 'superintendent',
  'det.': 'detective',
  'atty.': 'attorney',
};

/** Statements someone issues (as opposed to documents such as reports, filings and lawsuits). */
export const ISSUED_NOUNS = words(
  'statement letter email e-mail post tweet release message remarks announcement testimony op-ed',
);
