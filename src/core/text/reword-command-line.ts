/**
 * Lines that start with a command's word but mean another command, rewritten before the first
 * word picks the command: "add" is also `log`, so "add credential CMA …" would be read as a log
 * of an amount called "credential", and "help me" as help for a command called "me". So are plain
 * lines that name a command's parts: "change the date of #3 to …" is `edit`, "my CMA expires …"
 * is `credential add`, "change my time zone to …" is `settings tz`.
 */
import { toCategory, toCredentialCode, toUnit } from './aliases.js';
import { readAmount } from './read-amount.js';
import { withLeadingDigitAmount } from './spoken-amounts.js';

const CREDENTIAL_VERBS: Record<string, string> = { add: 'add', new: 'add', remove: 'remove', delete: 'remove', rm: 'remove', list: 'list', show: 'list' };
// The verb before the noun, as people say it: "add credential CMA expires 2027-02-28", "list credentials".
const NOUN_AFTER_VERB = /^(add|new|remove|delete|rm|list|show)\s+(?:my\s+)?(?:credentials?|creds?)\b\s*(.*)$/i;
// The words `credential add` takes before a date.
const DATE_WORD = String.raw`(?:expires?|expiring|exp\.?|expiry|expiration|certified|renewed|issued)\b`;
// "add CMA expires …", "add my RMA, expires March 2027", "add cma": a log never starts with a
// credential word. But "add cpr on …" is a card logged (`log cpr`), unless a date word follows.
const CODE_AFTER_ADD = /^add\s+(?:(?:my|a|an|the)\s+)?([\w.]+?)[,.]?(?:\s+(\S.*))?$/i;
const STARTS_WITH_DATE_WORD = new RegExp(`^${DATE_WORD}`, 'i');
// "I'm a CCMA, certified 2025-06-15", "I have a CMA that expires Feb 2027", "I'm a CMA": a credential
// held, with the date on its card or without one (then `credential add` asks for it). Other words
// after it ("I'm a CMA and need help") are not this.
const HOLDS = new RegExp(String.raw`^(?:i['’]?m|i am)\s+(?:an?\s+)?([\w.]+?)[,.]?(?:\s+(?:card|certification|credential))?(?:\s+(?:that|which))?(?:\s+(${DATE_WORD}.*))?$|^i\s+(?:have|hold)\s+(?:an?\s+|my\s+)?([\w.]+?)[,.]?(?:\s+(?:card|certification|credential))?(?:\s+(?:that|which))?(?:\s+(${DATE_WORD}.*))?$`, 'i');
// "change the date of #3 to yesterday", "change #3's date to yesterday": `edit 3 date yesterday`.
// Only with the activity named as one ("#3", "activity 3", "entry 3", "3's"): in "change the title
// of 1 hour webinar to …" the 1 is an amount, and "change the amount of 2 to 3 hours" may mean the
// 2 hours. A number named otherwise is `edit` alone, which changes nothing and asks for the id.
const EDIT_VERB = String.raw`(?:edit|change|fix|correct|update|set)`;
const FIELD = String.raw`(amount|unit|category|title|name|provider|date)`;
const ACTIVITY_REF = String.raw`(?:#\s*|(?:activity|entry|number|no\.?)\s+#?)(\d+)`;
const FIELD_OF_ACTIVITY = new RegExp(String.raw`^${EDIT_VERB}\s+(?:the\s+)?${FIELD}\s+(?:of|for|on|in)\s+${ACTIVITY_REF}\s+(?:to\s+)?(\S.*)$`, 'i');
const ACTIVITYS_FIELD = new RegExp(String.raw`^${EDIT_VERB}\s+#?(\d+)['’]s\s+${FIELD}\s+(?:to\s+)?(\S.*)$`, 'i');
// "fix the date on the last one", "change the title of my last entry to …": `edit last <field> …`,
// which names the latest log and the line to type.
const FIELD_OF_LATEST = new RegExp(String.raw`^${EDIT_VERB}\s+(?:the\s+)?${FIELD}\s+(?:of|for|on|in)\s+(?:the|my|that)\s+(?:last|latest|most recent)(?:\s+(?:one|entry|activity|log))?(?:\s+(?:to\s+)?(\S.*))?$`, 'i');
// "oops wrong date, it was yesterday", "wrong category, should be admin": a slip in the last log.
const WRONG_FIELD = new RegExp(String.raw`^(?:(?:oops|whoops|oh no|sorry|my bad|ugh)[\s,;:.!-]*)?(?:(?:i\s+(?:put|typed|entered|used)|that'?s|that was)\s+(?:the|a)\s+)?wrong\s+${FIELD}\b[\s,;:.!-]*(?:(?:it\s+was|it's|its|it\s+should\s+be|should\s+be|should\s+have\s+been|i\s+meant)\s+)?(.*?)[.!]*$`, 'i');
const FIELD_OF_A_NUMBER = new RegExp(String.raw`^${EDIT_VERB}\s+(?:the\s+)?${FIELD}\s+(?:of|for|on|in)\s+\d`, 'i');
// "change my CMA expiration to 2027-01-31", "my CMA expires 2027-01-31": a new expiry is `credential add`.
const EXPIRY = String.raw`(?:expiration|expiry|exp)(?: date)?`;
// "cma expires feb 2027", "CMA exp 02/2027", "my BLS card expires 06/2027" say it too.
const NEW_EXPIRY = new RegExp(String.raw`^(?:change|update|set|fix|correct)\s+(?:the\s+)?(?:my\s+)?(\w+?)(?:['’]s)?\s+${EXPIRY}\s+(?:to\s+|is\s+)?(\S.*)$|^(?:my\s+)?(\w+?)(?:['’]s)?(?:\s+card)?,?\s+(?:expires|expiring|exp\.?|${EXPIRY} is)\s+(?:on\s+)?(\S.*)$`, 'i');
// The date as a card prints it, with its year: "2027-01-31", "01/31/2027", "02/2027", "Jan 31, 2027",
// "31 January 2027", "Feb 2027"; a two-digit year too ("2/28/27"), for the date's own refusal to
// name the date to type. A relative day ("next month", "in 3 months") is a guess, not the card's.
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const CARD_DATE = new RegExp(
  String.raw`^(?:\d{4}-\d{1,2}(?:-\d{1,2})?|\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})|\d{1,2}[/.-]\d{4}|${MONTH}\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\.?,?\s+\d{4})[.!]?$`,
  'i',
);
// "change my time zone to America/Chicago", "my timezone is …": `settings tz`.
const NEW_ZONE = /^(?:(?:change|set|update)\s+(?:my\s+)?(?:time ?zone|tz)\s+(?:to\s+)?|my\s+(?:time ?zone|tz)\s+is\s+)(\S+)$/i;
// "help me", "help please", "help me with log": a plea, then perhaps the command it is about.
const HELP_PLEA = /^help\s+(me|out|please)\b/i;
const PLEA_WORDS = /\b(me|out|please|with|on|to|my)\b|[.!?]/gi;

// "please log …", "can you log …", "I need to log …", "status please", "…yesterday, thanks!", a
// closing emoji: courtesy around a command, not part of it (it became a title "please", and hid a
// date at the end of a log). A title is kept as typed, though: on a `log` or `edit` line only
// "please" goes by itself, a thanks only after a comma or a stop ("Giving thanks", "Stroke and
// TIA" and a title's emoji stay).
const LEADING_COURTESY = /^(?:please|pls|plz|kindly|(?:can|could|would|will) (?:you|u)(?: please)?|i(?: need| want| would like|['’]d like) to|let me)\s+(?=\S)/i;
const PLEASE = String.raw`please|pls|plz`;
const THANKS = String.raw`thanks|thank you|thank u|thx|cheers`;
const EMOJI = String.raw`\s*[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]+`;
const TRAILING_COURTESY = new RegExp(String.raw`(?:[\s,;.!-]+(?:${PLEASE}|${THANKS})|${EMOJI})[\s.!]*$`, 'iu');
const TRAILING_COURTESY_AFTER_TITLE = new RegExp(String.raw`(?:[\s,;.!-]+(?:${PLEASE})|\s*[,;.!]\s*(?:${THANKS}))[\s.!]*$`, 'i');
const WRITES_A_TITLE = /^\s*\/?(?:log|edit)\b/i;

// "log two hours general", "add an hour clinical": the amount in words, which `log` reads in digits.
const LOG_WORD = /^(\/?(?:log|add|record)\s+)(\S.*)$/i;
// "add an hour to the last one", "add 2h to #3": more on an activity already logged, which is an
// edit of its amount (`edit last amount` names it and the line to type), not a new activity.
const ADD_TO_LOGGED = /^(?:add|record)\s+.+?\s+to\s+(?:(?:the|my|that)\s+(?:last|latest|previous|most recent)(?:\s+(?:one|entry|activity|log))?|it|that(?:\s+one)?|this(?:\s+one)?|#\s*(\d+)|(?:activity|entry)\s+#?(\d+))[.!]*$/i;
// "2 hours left", "30 points needed": said about what is left, not a log.
const ABOUT_WHAT_IS_LEFT = /\b(?:left|need|needs|needed|remaining|to go|missing|short|behind|enough)\b/i;

export function rewordCommandLine(typed: string): string {
  const text = withoutCourtesy(typed);
  const addTo = ADD_TO_LOGGED.exec(text);
  if (addTo) return addTo[1] ?? addTo[2] ? `edit ${addTo[1] ?? addTo[2]} amount` : 'edit last amount';
  const logged = LOG_WORD.exec(text);
  const spoken = logged ? `${logged[1]}${withLeadingDigitAmount(logged[2]!)}` : text;
  if (spoken !== text) return spoken;
  const swapped = NOUN_AFTER_VERB.exec(text);
  if (swapped) return `credential ${CREDENTIAL_VERBS[swapped[1]!.toLowerCase()]} ${swapped[2]}`.trim();
  const added = CODE_AFTER_ADD.exec(text);
  const addedCode = added && toCredentialCode(added[1]!);
  // "add bls card expires 06/2027": the card tracked, not logged.
  const addedRest = (added?.[2] ?? '').replace(/^card\s+/i, '');
  if (added && addedCode && (addedCode !== 'BLS' || STARTS_WITH_DATE_WORD.test(addedRest))) return `credential add ${added[1]} ${addedRest}`.trim();
  const expiry = NEW_EXPIRY.exec(text);
  const expiryCode = expiry && toCredentialCode(expiry[1] ?? expiry[3]!);
  if (expiry && expiryCode) return newExpiryLine(text, expiryCode, expiry[2] ?? expiry[4]!);
  const zone = NEW_ZONE.exec(text);
  if (zone) return `settings tz ${zone[1]}`;
  const fieldOf = FIELD_OF_ACTIVITY.exec(text);
  if (fieldOf) return `edit ${fieldOf[2]} ${fieldOf[1]} ${fieldOf[3]}`;
  const activitys = ACTIVITYS_FIELD.exec(text);
  if (activitys) return `edit ${activitys[1]} ${activitys[2]} ${activitys[3]}`;
  const ofLatest = FIELD_OF_LATEST.exec(text) ?? WRONG_FIELD.exec(text);
  if (ofLatest) return `edit last ${ofLatest[1]} ${ofLatest[2] ?? ''}`.trim();
  if (FIELD_OF_A_NUMBER.test(text)) return 'edit';
  if (HELP_PLEA.test(text)) {
    const topic = text.replace(/^help/i, '').replace(PLEA_WORDS, ' ').trim().split(/\s+/)[0] ?? '';
    return `help ${topic}`.trim();
  }
  return text;
}

/**
 * The command line a statement most likely stands for, offered, never run: "2h clinical" (a log
 * without its word) may be a log, or a remark ("2h clinical doesn't count", "60 points in 5
 * years"); "I'm a CCMA, certified 2025-06-15" may add a credential, or describe one already
 * tracked, which running it would overwrite. Undefined when the line is neither.
 */
export function lineToType(typed: string): string | undefined {
  // Read as the `log` line it would be, so a title's "thanks" stays ("2h general Giving thanks").
  const asLog = withoutCourtesy(`log ${typed.trim()}`);
  if (opensWithAmount(asLog.slice('log '.length))) return asLog;
  const text = withoutCourtesy(typed);
  const holds = HOLDS.exec(text);
  const holdsCode = holds?.[1] ?? holds?.[3];
  if (holds && holdsCode && toCredentialCode(holdsCode)) return `credential add ${toCredentialCode(holdsCode)} ${holds[2] ?? holds[4] ?? '<expires|certified> <date>'}`.trim();
  return undefined;
}

/** "2h clinical", "2 hours clinical yesterday", "clinical 2h Sepsis": not a question, nor a line about what is left. */
function opensWithAmount(line: string): boolean {
  if (line.includes('?') || ABOUT_WHAT_IS_LEFT.test(line)) return false;
  const words = line.split(/\s+/);
  const start = words[0] && words.length > 1 && toCategory(words[0]) ? 1 : 0;
  const amount = readAmount(words[start] ?? '');
  if (!amount) return false;
  if (amount.unitWord) return toUnit(amount.unitWord) !== undefined;
  const [next = '', after = ''] = words.slice(start + 1);
  return toUnit(next) !== undefined || toUnit(`${next}-${after}`) !== undefined;
}

/**
 * `credential add <code> expires <date>` for the date on the card. "my CMA expires next month?"
 * asks (a "?" anywhere), so it is asked as the question it is, for that credential's dates; a
 * relative day gets `credential add <code>` alone, which changes nothing and asks for the date on the card.
 */
function newExpiryLine(line: string, code: string, date: string): string {
  if (line.includes('?') || /^(?:when|what date)\b/i.test(date)) return `when does my ${code} expire?`;
  return CARD_DATE.test(date) ? `credential add ${code} expires ${date.replace(/[.!]$/, '')}` : `credential add ${code}`;
}

/** The line without its courtesy words, unless they are all there is ("thanks"). */
function withoutCourtesy(text: string): string {
  let line = text.replace(LEADING_COURTESY, '');
  const trailing = WRITES_A_TITLE.test(line) ? TRAILING_COURTESY_AFTER_TITLE : TRAILING_COURTESY;
  for (let stripped = line.replace(trailing, ''); stripped !== line && stripped.trim() !== ''; stripped = line.replace(trailing, '')) {
    line = stripped;
  }
  return line.trim() === '' ? text : line;
}
