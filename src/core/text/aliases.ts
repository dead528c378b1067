/** The words people type for units, categories and credentials, mapped to canonical values. */
import type { Category, CredentialCode, Unit } from '../rules/types.js';
import { CREDENTIAL_CODES } from '../rules/types.js';
import { editDistance } from './edit-distance.js';

const UNIT_ALIASES: Record<string, Unit> = {
  h: 'hours', hr: 'hours', hrs: 'hours', hour: 'hours', hours: 'hours',
  // "2 contact hrs", "2 CE hours": how certificates and members word an hour of CE.
  'contact-hour': 'hours', 'contact-hours': 'hours', 'contact-hr': 'hours', 'contact-hrs': 'hours',
  'ce-hour': 'hours', 'ce-hours': 'hours', 'ce-hr': 'hours', 'ce-hrs': 'hours',
  m: 'minutes', min: 'minutes', mins: 'minutes', minute: 'minutes', minutes: 'minutes',
  ceu: 'ceu', ceus: 'ceu',
  iacet: 'iacet', 'iacet-ceu': 'iacet', 'iacet-ceus': 'iacet',
  'college-credit': 'college-credits', 'college-credits': 'college-credits',
  'nha-credit': 'nha-credits', 'nha-credits': 'nha-credits',
  point: 'points', points: 'points', pts: 'points', pt: 'points',
};

const CATEGORY_ALIASES: Record<string, Category> = {
  administrative: 'administrative', admin: 'administrative', adm: 'administrative',
  clinical: 'clinical', clin: 'clinical',
  general: 'general', gen: 'general',
};

/** Words that mean "a CPR/BLS card" in `log cpr on <date>`. */
export const CARD_WORDS = new Set(['cpr', 'bls', 'cpr-card', 'bls-card']);

export const UNIT_WORDS_HELP = 'h, min, ceu, iacet, college-credits, nha-credits or points';
export const CATEGORY_WORDS_HELP = 'administrative (admin), clinical (clin) or general (gen)';
export const CREDENTIAL_WORDS_HELP = CREDENTIAL_CODES.join(', ');

export function toUnit(word: string): Unit | undefined {
  return UNIT_ALIASES[word.toLowerCase()];
}

export function toCategory(word: string): Category | undefined {
  return CATEGORY_ALIASES[word.toLowerCase()];
}

/**
 * The category a misspelt word was meant to be ("clinial", "genral", "gneral"), if any. Only the
 * full words, one slip away: "clinic", "generic", "clerical", "admit" are two or more slips from
 * them (or near only an abbreviation), and they begin real titles.
 */
export function nearCategory(word: string): Category | undefined {
  const typed = word.toLowerCase();
  if (toCategory(typed)) return undefined;
  // A plural is a word of its own ("Clinicals preceptor training", "Generals"), not a slip.
  return (['administrative', 'clinical', 'general'] as const).find((category) => editDistance(typed, category) === 1 && typed !== `${category}s`);
}

/** The unit words a slip is measured against: the ones help names, spelt out. */
const UNIT_WORDS = ['hours', 'minutes', 'ceus', 'iacet', 'college-credits', 'nha-credits', 'points'] as const;

/**
 * The unit word a misspelt one was meant to be ("hous", "pionts", "colege-credits"), if one is a
 * slip or two away (one for short words: "hrs" is a unit, "his" is not near enough to guess).
 */
export function nearUnit(word: string): string | undefined {
  const typed = word.toLowerCase();
  if (toUnit(typed) || typed.length < 3) return undefined;
  const allowed = typed.length <= 5 ? 1 : 2;
  return UNIT_WORDS.find((unit) => editDistance(typed, unit) <= allowed);
}

export function toCredentialCode(word: string): CredentialCode | undefined {
  // "C.M.A.", "CMA," or "(RMA)" as typed on a phone: the letters are the code. Not an apostrophe:
  // "CMA's" is the CMA's, and without it would read "CMAS".
  const upper = word.replace(/[.,;:!?()]/g, '').toUpperCase();
  if (upper === 'CPR') return 'BLS';
  return (CREDENTIAL_CODES as readonly string[]).includes(upper) ? (upper as CredentialCode) : undefined;
}
