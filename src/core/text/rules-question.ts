/**
 * Questions about the certifying bodies' rules, answered from the rule packs without a command:
 * whether a card or an activity counts, whether credit carries over, whether a card is required.
 * Each only answers a line that asks (a statement such as "I did 2h clinical" is left to `log`),
 * and none writes anything.
 */
import type { Reply } from '../reply.js';
import { activityCountsAnswer } from './activity-counts-question.js';
import { cardCountsAnswer } from './card-counts-question.js';
import { cardRequiredAnswer } from './card-required-question.js';
import { carryOverAnswer } from './carry-over-question.js';

/** The answer to a rules question, or undefined when the text is not one. The card's own answer goes first. */
export function rulesQuestionAnswer(text: string): Reply | undefined {
  return cardCountsAnswer(text) ?? cardRequiredAnswer(text) ?? carryOverAnswer(text) ?? activityCountsAnswer(text);
}
