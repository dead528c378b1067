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
const FIELD_OF_ACTIVITY = /^(?:edit|change|fix|correct|update|set)\s+(?:the\s+)?(amount|unit|category|title|name|provider|date)\s+(?:of|for|on|in)\s+(?:activity\s+|entry\s+)?#?(\d+)\s+(?:to\s+)?(\S.*)$/i;
const ACTIVITYS_FIELD = /^(?:edit|change|fix|correct|update|set)\s+#?(\d+)['’]s\s+(amount|unit|category|title|name|provider|date)\s+(?:to\s+)?(\S.*)$/i;
// "change my CMA expiration to 2027-01-31", "my CMA expires 2027-01-31": a new expiry is `credential add`.
const EXPIRY = String.raw`(?:expiration|expiry|exp)(?: date)?`;
const NEW_EXPIRY = new RegExp(String.raw`^(?:change|update|set|fix|correct)\s+(?:the\s+)?(?:my\s+)?(\w+?)(?:['’]s)?\s+${EXPIRY}\s+(?:to\s+|is\s+)?(\S.*)$|^my\s+(\w+?)(?:['’]s)?\s+(?:expires|${EXPIRY} is)\s+(?:on\s+)?(\S.*)$`, 'i');
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
  if (expiry && expiryCode) return `credential add ${expiryCode} expires ${expiry[2] ?? expiry[4]}`;
  const zone = NEW_ZONE.exec(text);
  if (zone) return `settings tz ${zone[1]}`;
  const fieldOf = FIELD_OF_ACTIVITY.exec(text);
  if (fieldOf) return `edit ${fieldOf[2]} ${fieldOf[1]} ${fieldOf[3]}`;
  const activitys = ACTIVITYS_FIELD.exec(text);
  if (activitys) return `edit ${activitys[1]} ${activitys[2]} ${activitys[3]}`;
  if (HELP_PLEA.test(text)) {
    const topic = text.replace(/^help/i, '').replace(PLEA_WORDS, ' ').trim().split(/\s+/)[0] ?? '';
    return `help ${topic}`.trim();
  }
  return text;
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
