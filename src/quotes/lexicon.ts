// Closed word lists for the attribution sieves: reporting verbs, titles and function words (nouns are in
// noun-lexicon.ts). Precision comes from these being closed: a verb only counts as a reporting verb when
// it is listed here. Everything is lowercase; callers lowercase tokens.

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Reporting verbs that may sit next to a direct quote (`"…," Meyer said` / `said Meyer`). */
export const SPEECH_VERBS = words(`
  said says say told tells added adds wrote writes explained explains noted notes argued argues warned warns
  asked asks replied replies responded responds answered countered insisted insists recalled recalls
  acknowledged acknowledges admitted admits conceded concedes stated states declared declares announced
  announces tweeted posted testified testifies reported reports remarked observed cautioned predicted
  predicts suggested suggests claimed claims contended contends maintained maintains asserted asserts assert
  complained complains joked quipped lamented urged urges pleaded vowed vows promised promises continued
  concluded commented confirmed confirms emphasized emphasised stressed stresses wondered shouted yelled
  whispered mused agreed agrees texted emailed boasted bragged objected protested retorted interjected
  clarified clarifies indicated indicates revealed reveals specified mentioned affirmed underscored
  reiterated informed assured reminded alleged alleges disclosed pledged explained argue warn note claim
  contend insist maintain allege acknowledge predict testify snapped scoffed rebutted repeated repeats
`);

/** Verbs that report a rejoinder with "back": `"Nonsense," Park shot back`, `fired back`, `hit back`. */
export const BACK_VERBS = words('shot fired hit pushed snapped');

/** Verbs that take a reported clause (`… told Axios that …`, `…, Meyer said.`): the indirect-speech sieve. */
export const CLAUSE_VERBS = words(`
  said says say told tells added adds wrote writes explained explains noted notes argued argues warned warns
  insisted insists acknowledged acknowledges admitted admits conceded stated declared announced testified
  reported reports observed cautioned predicted predicts suggested claimed claims contended maintained
  maintains asserted asserts assert complained confirmed emphasized emphasised stressed stresses recalled
  reiterated alleged alleges countered agreed informed assured reminded vowed promised pledged disclosed
  estimated estimates concluded concludes ruled rules held replied replies responded responds answered
  argue warn note claim contend insist maintain allege acknowledge predict testify repeated repeats
  write explain add caution observe declare suggest confirm emphasize emphasise recall reiterate agree
  complain concede admit states declares announces observes cautions suggests contends complains confirms
  recalls reiterates counters agrees informs assures reminds vows promises pledges discloses concedes
  testifies emphasizes emphasises clarified clarifies indicated indicates revealed reveals specified
  mentioned affirmed underscored
`);

/**
 * Clause verbs trusted without "that" (`Meyer said the plan failed`). Only say/tell: "added three
 * members", "claimed the title", "noted the change" take a noun, not a reported clause.
 */
export const BARE_CLAUSE_VERBS = words('said says say told tells warned');

/** Clause verbs that take a bare clause only when a finite verb shows it is one (clause-acts.ts). */
export const FINITE_BARE_VERBS = words(`
  insisted insists argued argues noted notes added adds acknowledged acknowledges conceded predicted
  predicts estimated estimates concluded concludes maintained maintains contended claimed claims suggested
  suggests confirmed confirms admitted admits stressed stresses emphasized emphasised reiterated agreed
  agrees
`);

/** Verbs whose object comes before the reported clause: `told Semafor Friday that …`. */
export const TELL_VERBS = words('told tells informed assured reminded warned');

/** Verbs that put a label on something: `called the report an "incredibly misleading story"`. */
export const LABEL_VERBS = words(
  'called calls described describes labeled labelled dubbed termed characterized branded deemed',
);

/**
 * Participles that continue the same speaker's speech: `…," Meyer said, adding that …`; `Ferrante
 * disagreed, stating that …` — the present participles of the reporting verbs above that take a clause.
 */
export const SPEECH_PARTICIPLES = words(`
  adding saying noting arguing explaining warning insisting stressing claiming acknowledging calling writing
  stating asserting contending maintaining predicting suggesting cautioning recalling observing emphasizing
  emphasising countering complaining alleging conceding admitting
`);

/**
 * Adverbs and auxiliaries that may sit between a speaker and the reporting verb. Adverbs of frequency
 * ("He always said …", "she often says …") report habitual speech, which is still speech; "never" is
 * left out, since "never said that …" denies the report.
 */
export const VERB_ADVERBS = words(`
  also later previously then once repeatedly publicly privately simply flatly recently already further again
  earlier has have had would will reportedly initially subsequently separately still angrily bluntly quickly
  now always often usually sometimes frequently regularly routinely constantly
`);

/** Honorifics and titles that may precede a name (compared without a trailing period). */
export const TITLE_WORDS = words(`
  mr mrs ms miss mx dr sen sens senator senators rep reps representative gov governor lt gen general col sgt
  capt cpt adm admiral prof professor rev reverend hon president vice chairman chairwoman chair chairperson
  secretary commissioner administrator director judge justice mayor councilman councilwoman councilmember
  councillor councilor officer detective sheriff chief superintendent coach manager minister premier chancellor
  ambassador attorney inspector speaker leader spokesperson spokesman spokeswoman ceo cfo coo cto founder
  principal dean provost king queen prince princess pope bishop archbishop cardinal father deputy assistant
  acting interim executive treasurer comptroller controller auditor clerk trustee commander captain sergeant
  lieutenant colonel marshal agent prosecutor congressman congresswoman assemblyman assemblywoman delegate
  alderman supervisor prime lady sir dame lord rabbi imam pastor sheikh emir
`);

export const MALE_HONORIFICS = words('mr sir lord king prince father');
export const FEMALE_HONORIFICS = words('mrs ms miss lady dame queen princess');

/** Words that cannot start a name even when capitalised at the start of a sentence. */
export const NON_NAME_WORDS = words(`
  the a an if when while in on at for but and or nor however now then as after before since although
  though this that these those there it he she they we i you his her its their our my your what why how
  who where which still yet also meanwhile later earlier last next today yesterday asked speaking
  according despite during under over with without by from to of into following amid among many some most
  all each every no not only even so such both either neither another other one two three four five
  several few here instead once because unless until whether just more less meanwhile separately zoom
  photo go yes why again indeed thus overall first second finally said says added asked wrote
`);

/** Days and months stop a run of capitals: `told Semafor Friday`. */
export const TIME_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december jan feb mar apr jun jul aug sep sept oct nov dec today
  yesterday tonight tomorrow
`);

/**
 * Months as a time word spells them. Several are given names as well ("Jan Brink", "June Carter",
 * "April Ryan", "May Li"): before a capitalised word and without the period of an abbreviation, one
 * opens a name rather than stopping a run (name-runs.ts).
 */
export const MONTH_WORDS = words(`
  january february march april may june july august september october november december jan feb mar apr
  jun jul aug sep sept oct nov dec
`);

/** Connectors allowed inside a name (`Ludwig van Beethoven`, `Secretary of Defense Lloyd Austin`). */
export const NAME_PARTICLES = words(
  'de da das dos des van von der den ter ten del della di du la le bin ibn al el of st',
);
