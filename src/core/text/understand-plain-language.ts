/**
 * Plain questions and statements, rewritten as the command they mean, so that they go through
 * the same grammar and schema as typed commands. Returns undefined when nothing matches.
 */
import { nearCategory, toCategory } from './aliases.js';
import { DEADLINE } from './credential-dates-question.js';
import { findVagueDate } from './find-vague-date.js';
import { plainWords } from './plain-words.js';
import { findDatePhrase } from './resolve-date.js';
import { withDigitAmounts } from './spoken-amounts.js';
import { asOnePhrase, quotedSpans, withoutSpan } from './tokenize.js';

// "my hours", "total points": the tally, asked in two words.
const STATUS = /\b(^(my|total) (hours|points|credits|ceus|total)$|(how am|how'?m|how r) i doin(g|'|g')?|how do i stand|where do i stand|where am i|am i on track|my (status|progress)|show (me )?(my )?(status|progress)|how (much|many)\b.*\b(do i have|have i (got|logged|earned|done)|did i (do|log|earn)))\b/;
const NEED = /\b(what (else )?do i (still )?need|what('?s| is) (still )?(left|missing|remaining)|how (much|many)\b.*\b(need|needed|left|remaining|to go|more|missing)|what am i missing|still need|am i (done|finished|good|set|covered|complete)|^(hours|points|credits|ceus) (still )?(left|remaining|to go|needed)|do i need (anything|any more|more)|do i have enough|have i (met|done|got|earned) (enough|all|my|the)|did i do enough)\b/;
const HISTORY = /\b(what have i logged|my (activities|history|log)|show (me )?my (activities|history|log)|did i (log|record|enter|add))\b/;
// Only an explicit request: "oops, wrong window" is chat, and undoing on it would change data.
const UNDO = /^(please )?(undo( that| it| the last one)?|take (that|it) back)( please)?$/;
// A newcomer's first words too: "what is this?", "who are you", "how do I start", "good morning".
const HELP = /^(hi|hello|hey|help|what can you do|how does this work|good (morning|afternoon|evening)|(what|who) (is|are) (this|you|ceu-?bot)|what does (this|it|ceu-?bot) do|how (do|can|should) (i|we) (start|begin|get started|use (this|it|you|ceu-?bot))|(get|getting) started|what (do|should|can) i (do|type|say)$|(start|menu|options)$)\b|\b(can|could) you help\b|\bhelp me\b|\bi need help\b/;
// "how do I log hours?", "how do I add my cert": how to use one command, answered with its help.
const HOW_TO = /^how (?:do|can|should|would) (?:i|we|you) (\w+)\b(.*)$/;
const HOW_TO_COMMANDS: Record<string, string> = {
  log: 'log', record: 'log', enter: 'log', add: 'log', track: 'log', delete: 'delete', remove: 'delete',
  edit: 'edit', change: 'edit', fix: 'edit', correct: 'edit', undo: 'undo', renew: 'credential', pause: 'pause', snooze: 'snooze',
};
// What the question is about, when not an activity: a credential ("add my cert", "track my CMA"),
// or a setting to change ("change my time zone").
const ABOUT_CREDENTIAL = /\b(?:credentials?|certs?|certifications?|cma|rma|cmas|ncma|ccma|cmaa|cpt|cet|expir\w*)\b/;
const ABOUT_SETTINGS = /\b(?:time ?zone|tz|reminders?|nudges?|quiet hours|settings)\b/;
const DID = /\b(i|i've|i have)( just)? (did|completed|finished|attended|took|earned|got|watched|spent|renewed|done|taken)\b|^(just )?(did|completed|finished|attended|took|watched|earned|renewed)\b(?! (i|you|we|my|it|that|this)\b)/i;
// "my coworker says I did 2h", "what if I did 2h": someone else's words, or a supposition.
const NOT_MY_STATEMENT = /\b(?:says?|said|thinks?|thought|told|asked|wonders?|claims?)\b.*\bi\b|^(?:what if|if|suppose|supposing|imagine)\b/;
// "I did not do 2 hours", "I haven't done …": never a log (a "not" in the topic, "do not
// resuscitate", is not a negation of the sentence).
const NEGATION = /\bi(?:'ve)? (?:(?:did|do|have|had)(?: not|n'?t)|not|never)\b/;
// A sentence that opens "I did …", "I completed …" is a statement, whatever follows ("…, does it
// count?"), and is read before the questions, whose words may be its topic ("how much water
// patients need").
const OPENS_AS_STATEMENT = /^(i|i've|i have)( just)? (did|completed|finished|attended|took|earned|got|watched|spent|renewed|done|taken)\b/;
// Without "I", "did …" is a statement only before "a"/"an"/a number ("did a 1 hour webinar", "did 2h"):
// "did the webinar count" is a question that lost its "?". Nor is any line asking whether it counts.
const DID_WITHOUT_SUBJECT = /^(just )?did (?!(?:a|an)\b|\.?\d)/;
const ASKS_IF_IT_COUNTS = /\b(count|counts|counted|qualify|qualifies|go through|work|apply)( (toward|towards|for)\b.*)?$/;
// The question after a statement ("I did 3 hours, is that enough?"): not part of the topic.
const QUESTION_TAG = /[,;]\s*(?:is|does|do|did|will|would|can|could|should|what|how|when|am|are|was|right|ok|okay)\b[^,;]*\?\s*$/i;
// "2 hours", ".5 hours", "a 2-hour(-long) webinar", "2 contact hours"; bare "credits" too, for `log`
// to ask which (NHA, college or points) rather than this not hearing an amount at all.
const AMOUNT = /(\d+(?:[.,]\d+)?|[.,]\d+)(?:\s*|-)((?:contact|ce)[ -]hours?|hours?|hrs?|h|minutes?|mins?|min|ceus?|iacet(?: ceus?)?|points?|pts|nha[ -]credits?|college[ -]credits?|(?:ce[ -])?credits?)(?:-long)?\b/i;
// "AAMA approved" marks the activity; "from AAMA" names who gave it, as in the typed `log`.
const AAMA_WORDS = /(?<!\b(?:from|by|via|with|through) )\baama(?:-| )?(?:approved)?\b/gi;
const CATEGORY = /\b(administrative|admin|clinical|clin|general)\b/i;
// "clinical and admin", "admin/clinical": two categories for one amount, which `log` refuses.
const JOINED_CATEGORIES = /\b(administrative|admin|clinical|clin|general)\s*(?:and|or|&|\/|\+|plus)\s*(administrative|admin|clinical|clin|general)\b/i;
// "for my CMA", "for my RMA renewal": what it is for, not the topic.
const FOR_CREDENTIAL = /\b(?:for|toward|towards) (?:(?:my|the) )?(?:(?:cma|rma|cmas|ncma|ccma|cmaa|cpt|cet)\b(?: (?:renewal|recertification|recert|certification))?|renewal|recertification|recert)\b/gi;
const CARD = /\b(cpr|bls)( card)?\b/i;
// "just did my BLS renewal", "got my CPR card today", "renewed my cpr": a new card, said without "I"
// (the statements above take "did my …" for a question that lost its "?").
// Only the card and then nothing, or the day: "did my cpr expire", "got my cpr reminder" are not this.
const CARD_STATEMENT = /^(?:just )?(?:got|did|renewed|took|passed|finished|completed) (?:my |a |the )?(?:new )?(?:cpr|bls)(?: card| renewal| class| course| recert(?:ification)?)?(?:$| (?:today|yesterday|this (?:morning|afternoon|week)|last (?:week|\w+day)|on \S+(?: \S+)?|\d+ days? ago))$/;
// "I renewed my CMA last week", "just recertified my RMA", "got my CMA renewed on Nov 20":
// `credential renew`. A CPR/BLS card renews by logging the new card (CARD, above). What follows is
// kept to check that it is only the day: "I renewed my CMA membership" (or dues, a fee) is not a
// new cycle, and reading it as one would end the reminders.
const CE_CODE = String.raw`(cma|rma|cmas|ncma|ccma|cmaa|cpt|cet)`;
const RENEWED = new RegExp(String.raw`^(?:(?:i|i've|i have)\s+)?(?:just\s+|already\s+|finally\s+)?(?:(?:renewed|recertified)\s+(?:my\s+)?${CE_CODE}|got\s+(?:my\s+)?${CE_CODE}\s+(?:renewed|recertified))\b\s*(.*)$`);
// "did I renew my CMA?", "have I recertified my RMA": asked, so answered with the cycle, never renewed.
const ASKS_IF_RENEWED = /^(?:did|have) i (?:already |ever )?(?:renew|renewed|recertify|recertified)\b/;
// "turn off reminders", "stop my reminders", "turn reminders back on": the `settings nudges` switch.
const REMINDERS = String.raw`(?:my |the |all )?(?:reminders|nudges|notifications)`;
const NUDGES_OFF = new RegExp(String.raw`^(?:(?:turn|switch|shut) off|stop|disable|mute) ${REMINDERS}$|^(?:turn|switch) ${REMINDERS} off$`);
const NUDGES_ON = new RegExp(String.raw`^(?:(?:turn|switch) on|enable|unmute) ${REMINDERS}$|^(?:turn|switch) ${REMINDERS} (?:back )?on$`);
const SETTINGS = /^(?:(?:show )?my (?:settings|preferences)|what(?:'s| is) my (?:time ?zone|tz|quiet hours))$/;
// "my credentials", "what credentials do I have?", "which certs am I tracking".
const CREDENTIAL_LIST = /^(?:(?:what|which) (?:credentials|certifications|certs)\b.*\b(?:have|hold|track|tracking)\b|(?:show |list )?my (?:credentials|certifications|certs)$)/;
// A course named without an amount ("I did a webinar on HIPAA"): `log` asks how much.
const COURSE = /\b(webinar|course|class|training|seminar|module|lecture|conference|workshop|in-?service|ceus?|video|lesson|program)\b/i;
const FILLER = /\b(i['’]ve|i|have|just|did|do|completed|finished|attended|took|earned|got|watched|spent|done|taken|renewed|of|a|an|the|my|some|hours?|ce|ceus?|training|course|class|continuing|education|credit|credits|today|(?:this|in the) (?:morning|afternoon|evening)|tonight|earlier|approved|aama)\b/gi;
const PROVIDER = /\b(?:from|with|by|via|through) ([\w'’&-]+(?: [\w'’&-]+)?)\s*$/i;
const GIVEN_BY = /\b(?:from|with|by|via|through|at)\s*$/i;
// "at Relias" names who gave it, but "at work" or "at home" does not: only a capitalised name after "at".
const PROVIDER_AT = /\b[Aa]t (\p{Lu}[\w'’&-]*(?: [\w'’&-]+)?)\s*$/u;
// Words that join a topic to the sentence ("training on HIPAA", "3 CEUs in general"), not part of it; a
// leading "at" stays, since "at work" without a provider is where it happened.
const EDGE_PREPOSITIONS = /^((on|about|in|for|of|and)\s+)+|(\s+(on|about|in|for|at|of|and))+$|^(on|about|in|for|of|and)$/gi;

/** "I paid my AAMA dues", "renewed my CMA membership": a fee, not a recertification (asked only of what nothing else understood). */
const DUES = /\b(?:paid|pay|paying|renewed|renew|renewing)\b.*\b(?:dues|membership|member fee|annual fee|fees?)\b/;
const DUES_WORDS = /^(?:(?:my|the|our|aama|amt|nha|ncct)\s+)*(?:dues|membership|member fee|annual fee|fees?)$/;
/** "… and paid the fee" after a renewal: the fee is not tracked, the renewal is. */
const AND_PAID = /\s*(?:,\s*)?\band (?:also )?(?:paid|pay) (?:(?:my|the|our)\s+)?(?:dues|membership|member fee|annual fee|fees?)$/;

/**
 * The credential named in a sentence about dues or a membership fee ("" when none is), or undefined
 * when the sentence is not about one. Paying them renews no credential: the answer says so.
 */
export function duesSentence(text: string): string | undefined {
  const said = plainWords(text).toLowerCase().replace(/[’‘]/g, "'");
  if (!DUES.test(said) || NEGATION.test(said)) return undefined;
  return new RegExp(String.raw`\b${CE_CODE}\b`).exec(said)?.[1]?.toUpperCase() ?? '';
}

// Openers that add nothing: "to be honest I did 2 hours…" kept "to be honest" as the title. A short word
// ("well", "so", "hi") only with a comma after it, or before "I …" or a question word, so that
// "Well-child visits" and "Hi-Flow oxygen" keep their words.
const OPENER = /^(?:(?:(?:to be honest|honestly|actually|fyi|btw|by the way|just so you know)(?![\w-])[\s,;:.!]*)|(?:(?:so|well|ok(?:ay)? so|hey|hi|hello|um+|uh+)(?:\s*[,;:.!]+\s*|\s+(?=(?:i|i'm|i've|i’m|i’ve|what|how|when|which|where|do|did|am|is|can)\b))))+/i;

export function understandPlainLanguage(typed: string): string | undefined {
  const text = typed.replace(OPENER, '') || typed;
  // "hi there", "hello?": a greeting, whatever the opener took.
  if (HELP.test(plainWords(typed).toLowerCase())) return understood(text) ?? 'help';
  return understood(text);
}

function understood(text: string): string | undefined {
  const original = plainWords(text);
  // Slack and phones type ’ for an apostrophe: "What’s left?", "I’ve done 3 hours".
  const said = original.toLowerCase().replace(/[’‘]/g, "'");
  const question = /\?\s*$/.test(text);
  const negated = NEGATION.test(said);
  // Never a log either: "I renewed my RMA with 30 points" logged 30 points and closed the cycle's gap.
  const renewed = negated ? undefined : RENEWED.exec(said);
  // A "?" anywhere: "I renewed my CMA? when?" asks rather than tells.
  if (ASKS_IF_RENEWED.test(said) || (renewed && /\?/.test(text))) return 'status';
  if (renewed) return renewLine((renewed[1] ?? renewed[2])!.toUpperCase(), renewed[3]!);
  if (CREDENTIAL_LIST.test(said)) return 'credential list';
  if (NUDGES_OFF.test(said)) return 'settings nudges off';
  if (NUDGES_ON.test(said)) return 'settings nudges on';
  if (SETTINGS.test(said)) return 'settings';
  // "I did 2h clinical?" asks; "I did 2h clinical, right?" tells and checks (QUESTION_TAG).
  const asks = question && !QUESTION_TAG.test(text);
  if (OPENS_AS_STATEMENT.test(said) && !negated && !asks) {
    const line = logLine(plainWords(text.replace(QUESTION_TAG, '')));
    if (line) return line;
  }
  const howTo = HOW_TO.exec(said);
  const howToCommand = howTo && HOW_TO_COMMANDS[howTo[1]!];
  if (howTo && howToCommand) {
    if (howToCommand === 'edit' && ABOUT_SETTINGS.test(howTo[2]!)) return 'help settings';
    if (ABOUT_CREDENTIAL.test(howTo[2]!) && howToCommand !== 'undo') return 'help credential';
    return `help ${howToCommand}`;
  }
  if (DEADLINE.test(said)) return 'status';
  if (NEED.test(said)) return 'need';
  if (STATUS.test(said)) return 'status';
  if (HISTORY.test(said)) return 'history';
  if (UNDO.test(said)) return 'undo';
  if (CARD_STATEMENT.test(said) && !/\?/.test(text) && !ASKS_IF_IT_COUNTS.test(said)) return logLine(original);
  if (DID.test(said) && !question && !negated && !NOT_MY_STATEMENT.test(said) && !DID_WITHOUT_SUBJECT.test(said) && !ASKS_IF_IT_COUNTS.test(said)) return logLine(statementClause(original));
  if (HELP.test(said)) return 'help';
  return undefined;
}

/**
 * `credential renew` on the day said, when the words after the credential are that day and
 * nothing else ("last week", "on Nov 20"). Other words are passed on, quoted as one, for the
 * command to refuse with its usage: it renews nothing on words it does not know.
 */
function renewLine(code: string, said: string): string | undefined {
  // "I renewed my CMA dues": the fee, which the dues answer speaks to.
  if (DUES_WORDS.test(said)) return undefined;
  const after = said.replace(AND_PAID, '');
  if (after === '') return `credential renew ${code}`;
  const date = findDatePhrase(after) ?? findVagueDate(after);
  const onlyTheDay = date !== undefined && new RegExp(String.raw`^(?:(?:on|in|during)\s+)?${escapeRegExp(date)}$`, 'i').test(after);
  return onlyTheDay ? `credential renew ${code} on ${date.replace(/^on /i, '')}` : `credential renew ${code} "${after.replace(/["“”]/g, '')}"`;
}

// "I'm a CMA and I did 2 hours …", "so, I did …": the clause that says what was done, after words
// that say something else (they became the title "'m CMA").
const LEAD_IN = /^(.*?)(?:[,;]\s*|\s+(?:and|so)\s+)((?:i|i've|i have|i’ve)(?: just)? (?:did|completed|finished|attended|took|earned|got|watched|spent|done|taken)\b.*)$/i;

/** The statement without a lead-in clause, unless that clause holds an amount of its own (then `log` refuses the two). */
function statementClause(sentence: string): string {
  const clauses = LEAD_IN.exec(sentence);
  return clauses && !AMOUNT.test(withDigitAmounts(clauses[1]!)) ? clauses[2]! : sentence;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function logLine(typed: string): string | undefined {
  // A title said in quotes is kept as said: none of its words is read as the category, a date or filler
  // ("Phlebotomy training course for the lab" lost "the"); a quoted name after "from" (GIVEN_BY) is who gave it.
  const spans = quotedSpans(typed).filter((span) => span.text !== '' && !toCategory(span.text));
  const givenBy = spans.find((span) => GIVEN_BY.test(typed.slice(0, span.from)));
  const phrase = spans.find((span) => span !== givenBy);
  const sentence = withoutSpan(withoutSpan(typed, phrase), givenBy, GIVEN_BY);
  const aama = new RegExp(AAMA_WORDS.source, 'i').test(sentence) ? ' aama' : '';
  const said = withDigitAmounts(sentence.replace(AAMA_WORDS, ' ')).replace(/\s+/g, ' ').trim();
  const date = findDatePhrase(said) ?? findVagueDate(said);
  const datePart = date ? ` on ${date.replace(/^on /i, '')}` : '';
  if (CARD.test(said) && !AMOUNT.test(said)) return `log cpr${datePart}`;
  const amount = AMOUNT.exec(said);
  if (!amount) return COURSE.test(said) ? 'log' : undefined;
  const second = new RegExp(AMOUNT.source, 'gi').exec(said.slice(amount.index + amount[0].length));
  // "2 hours clinical and 1 hour admin": pass both on so that `log` refuses, never drop one.
  if (second) return `log ${amount[1]} ${unitWord(amount[2]!)} ${second[1]} ${unitWord(second[2]!)}`;
  const unit = unitWord(amount[2]!);
  const joined = JOINED_CATEGORIES.exec(said);
  // Likewise two categories for one amount: `log` refuses, rather than this picking the first.
  if (joined) return `log ${amount[1]} ${unit} ${joined[1]} ${joined[2]}`;
  const category = CATEGORY.exec(said)?.[0]?.toLowerCase();
  let rest = said.replace(amount[0], ' ').replace(FOR_CREDENTIAL, ' ');
  if (date && rest.includes(date)) {
    // chrono's "Nov 2" leaves the "on" (or "from") before it, which is not part of the title.
    const at = rest.indexOf(date);
    rest = `${rest.slice(0, at).replace(/\b(on|from)\s*$/i, '')} ${rest.slice(at + date.length).replace(/^['’]s\b/, '')}`;
  }
  if (category) rest = rest.replace(new RegExp(`\\b(?:(?:in|of|for|on) )?${category}\\b`, 'i'), ' ');
  rest = rest.replace(/\(\s*\)|\[\s*\]/g, ' ').replace(/\s+/g, ' ').trim();
  const providerPattern = PROVIDER.test(rest) ? PROVIDER : PROVIDER_AT;
  const provider = givenBy ? asOnePhrase(givenBy.text) : providerPattern.exec(rest)?.[1];
  const topic = (givenBy ? rest : rest.replace(providerPattern, ' ')).replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  const title = phrase ? aroundPhrase(phrase.text, topic, typed.slice(0, phrase.from)) : topic.replace(EDGE_PREPOSITIONS, '');
  return [
    `log ${amount[1]} ${unit}`,
    category ?? '',
    phrase ? title : title ? titleWords(title, Boolean(category)) : '',
    datePart.trim(),
    provider ? `from ${provider}` : '',
    aama.trim(),
  ].filter(Boolean).join(' ');
}

/** The quoted title and every other word of the topic, each on the side said ("advanced "Sepsis" care", "Sepsis" for work). */
function aroundPhrase(phrase: string, topic: string, saidBefore: string): string {
  const before = new Set(saidBefore.toLowerCase().split(/\s+/));
  const side = (first: boolean) => topic.replace(/"/g, ' ').split(/\s+/).filter((w) => w && before.has(w.toLowerCase()) === first).join(' ');
  const [lead, tail] = `${side(true)} \0 ${side(false)}`.replace(EDGE_PREPOSITIONS, '').split(/\s*\0\s*/);
  return [lead, phrase, tail].filter(Boolean).map((part) => asOnePhrase(part!)).join(' ');
}

/**
 * The topic, quoted so that none of its words read as keywords; but a first word one slip from a
 * category ("clinial training") is left bare, for `log` to ask about rather than keep as a title.
 */
function titleWords(title: string, hasCategory: boolean): string {
  const [first = '', ...others] = title.replace(/"/g, '').split(' ');
  if (hasCategory || !nearCategory(first)) return `"${title.replace(/"/g, '')}"`;
  return others.length > 0 ? `${first} "${others.join(' ')}"` : first;
}

function unitWord(said: string): string {
  return said.toLowerCase().replace(/ /g, '-').replace(/^iacet-ceus?$/, 'iacet').replace(/^ce-/, '');
}
