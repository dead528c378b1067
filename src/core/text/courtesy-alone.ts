/**
 * Courtesy that is all a message says: "thanks", "ok great, thank you!", "👍". Answered with a kind
 * word, after every command and plain question has had its chance (create-bot.ts).
 */
// Slack sends emoji as :names: ("👍" is `:+1:`, a skin tone `:skin-tone-3:` after it). Not "yes" or
// "no": those may answer a question the member thinks the bot asked, and a kind word back would read
// as agreement.
const TONE = String.raw`[\u{FE0F}\u{1F3FB}-\u{1F3FF}]*(?::skin-tone-\d:)?`;
const THANKS_WORDS = String.raw`(?:thanks(?: (?:a lot|so much|very much))?|thank (?:you|u)(?: (?:so much|very much|a lot))?|thx|ty|tysm|many thanks|cheers|much appreciated|appreciate it)(?![\p{L}\d])|(?:🙏|:pray:)${TONE}`;
const KIND_WORDS = String.raw`(?:ok(?:ay)?|k|kk|great|cool|nice|perfect|awesome|excellent|wonderful|good|sounds good|all good|got it|noted|alright)(?![\p{L}\d])|(?:[👍👌🙂😊😀😃😄😁☺❤✅🎉🙌👏💯]|:(?:\+1|thumbsup|ok_hand|slightly_smiling_face|smile|blush|tada|raised_hands|clap|white_check_mark|heart):)${TONE}`;
const COURTESY_ALONE = new RegExp(String.raw`^(?:(?:${THANKS_WORDS}|${KIND_WORDS})[\s,;.!]*)+$`, 'iu');
const THANKS = new RegExp(String.raw`(?:^|[^\p{L}])(?:${THANKS_WORDS})`, 'iu');

/** A message of courtesy alone: a thanks, or a kind acknowledgement ("ok", 👍). Undefined for anything more. */
export function courtesyAlone(text: string): 'thanks' | 'acknowledgement' | undefined {
  const said = text.trim();
  if (!COURTESY_ALONE.test(said)) return undefined;
  return THANKS.test(said) ? 'thanks' : 'acknowledgement';
}
