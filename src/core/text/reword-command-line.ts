/**
 * Lines that start with a command's word but mean another command, rewritten before the first
 * word picks the command: "add" is also `log`, so "add credential CMA …" would be read as a log
 * of an amount called "credential", and "help me" as help for a command called "me". So are plain
 * lines that name a command's parts: "change the date of #3 to …" is `edit`, "my CMA expires …"
 * is `credential add`, "change my time zone to …" is `settings tz`.
 */
import { toCredentialCode } from './aliases.js';

const CREDENTIAL_VERBS: Record<string, string> = { add: 'add', new: 'add', remove: 'remove', delete: 'remove', rm: 'remove', list: 'list', show: 'list' };
// The verb before the noun, as people say it: "add credential CMA expires 2027-02-28", "list credentials".
const NOUN_AFTER_VERB = /^(add|new|remove|delete|rm|list|show)\s+(?:my\s+)?(?:credentials?|creds?)\b\s*(.*)$/i;
// "add CMA expires …", "add CPR issued …": a log never starts with a credential word followed by
// one of the date words `credential add` takes.
const CODE_AFTER_ADD = /^add\s+(\S+)\s+((?:expires?|expiring|certified|renewed|issued)\b.*)$/i;
// "change the date of #3 to yesterday", "change #3's date to yesterday": `edit 3 date yesterday`.
// Only with the activity named as one ("#3", "activity 3", "entry 3", "3's"): in "change the title
// of 1 hour webinar to …" the 1 is an amount, and "change the amount of 2 to 3 hours" may mean the
// 2 hours. A number named otherwise is `edit` alone, which changes nothing and asks for the id.
const EDIT_VERB = String.raw`(?:edit|change|fix|correct|update|set)`;
const FIELD = String.raw`(amount|unit|category|title|name|provider|date)`;
const ACTIVITY_REF = String.raw`(?:#\s*|(?:activity|entry|number|no\.?)\s+#?)(\d+)`;
const FIELD_OF_ACTIVITY = new RegExp(String.raw`^${EDIT_VERB}\s+(?:the\s+)?${FIELD}\s+(?:of|for|on|in)\s+${ACTIVITY_REF}\s+(?:to\s+)?(\S.*)$`, 'i');
const ACTIVITYS_FIELD = new RegExp(String.raw`^${EDIT_VERB}\s+#?(\d+)['’]s\s+${FIELD}\s+(?:to\s+)?(\S.*)$`, 'i');
const FIELD_OF_A_NUMBER = new RegExp(String.raw`^${EDIT_VERB}\s+(?:the\s+)?${FIELD}\s+(?:of|for|on|in)\s+\d`, 'i');
// "change my CMA expiration to 2027-01-31", "my CMA expires 2027-01-31": a new expiry is `credential add`.
const EXPIRY = String.raw`(?:expiration|expiry|exp)(?: date)?`;
const NEW_EXPIRY = new RegExp(String.raw`^(?:change|update|set|fix|correct)\s+(?:the\s+)?(?:my\s+)?(\w+?)(?:['’]s)?\s+${EXPIRY}\s+(?:to\s+|is\s+)?(\S.*)$|^my\s+(\w+?)(?:['’]s)?\s+(?:expires|${EXPIRY} is)\s+(?:on\s+)?(\S.*)$`, 'i');
// The date as a card prints it, with its year: "2027-01-31", "01/31/2027", "02/2027", "Jan 31, 2027",
// "31 January 2027", "Feb 2027". A relative day ("next month", "in 3 months") is a guess, not the card's.
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const CARD_DATE = new RegExp(
  String.raw`^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([/.-])\d{1,2}\1\d{4}|\d{1,2}[/.-]\d{4}|${MONTH}\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\.?,?\s+\d{4})[.!]?$`,
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

export function rewordCommandLine(typed: string): string {
  const text = withoutCourtesy(typed);
  const swapped = NOUN_AFTER_VERB.exec(text);
  if (swapped) return `credential ${CREDENTIAL_VERBS[swapped[1]!.toLowerCase()]} ${swapped[2]}`.trim();
  const added = CODE_AFTER_ADD.exec(text);
  if (added && toCredentialCode(added[1]!)) return `credential add ${added[1]} ${added[2]}`;
  const expiry = NEW_EXPIRY.exec(text);
  const expiryCode = expiry && toCredentialCode(expiry[1] ?? expiry[3]!);
  if (expiry && expiryCode) return newExpiryLine(text, expiryCode, expiry[2] ?? expiry[4]!);
  const zone = NEW_ZONE.exec(text);
  if (zone) return `settings tz ${zone[1]}`;
  const fieldOf = FIELD_OF_ACTIVITY.exec(text);
  if (fieldOf) return `edit ${fieldOf[2]} ${fieldOf[1]} ${fieldOf[3]}`;
  const activitys = ACTIVITYS_FIELD.exec(text);
  if (activitys) return `edit ${activitys[1]} ${activitys[2]} ${activitys[3]}`;
  if (FIELD_OF_A_NUMBER.test(text)) return 'edit';
  if (HELP_PLEA.test(text)) {
    const topic = text.replace(/^help/i, '').replace(PLEA_WORDS, ' ').trim().split(/\s+/)[0] ?? '';
    return `help ${topic}`.trim();
  }
  return text;
}

/**
 * `credential add <code> expires <date>` for the date on the card. "my CMA expires next month?"
 * asks (a "?" anywhere), so it gets `status`; a relative day gets `credential add <code>` alone,
 * which changes nothing and asks for the date on the card.
 */
function newExpiryLine(line: string, code: string, date: string): string {
  if (line.includes('?')) return 'status';
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
