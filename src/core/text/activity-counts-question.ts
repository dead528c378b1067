/**
 * "does a college course count?", "can I count a webinar?", "does employment count?", "do
 * in-services count?": whether an activity earns credit, answered from RULES.md and the rule packs,
 * and where they say nothing, said so. A question only: nothing is logged. CPR/BLS cards have their
 * own answer (card-counts-question.ts), asked first.
 */
import { getRulePack, type RulePack } from '../rules/index.js';
import { reply, type Block, type Reply } from '../reply.js';
import { formatNumber, unitName } from '../views/describe.js';
import { packsAsked } from './card-counts-question.js';

// Asked, not told: "I did a webinar, does it count?" and "did 2h on accepted practices" are statements
// that log (understand-plain-language.ts reads "did" before "a" or a number as one).
const ASKS = /^(?:(?:so|and|but|hey|hi|quick question)[\s,]+)?(?:do|does|did(?! (?:an?\b|\.?\d))|can|could|will|would|is|are|should|may|might)\b/;
const ABOUT_CREDIT = /\b(?:count|counts|counted|qualify|qualifies|accepted|acceptable|allowed|eligible|worth)\b|\bget (?:any )?(?:credit|credits|points|ceus?|hours) (?:for|from)\b/;
// "can I use my college course for CMA", "is a webinar ok for CEUs": only about an activity named below.
const USE_FOR = /\b(?:use|claim)\b.*\b(?:for|toward|towards)\b|^(?:can|could|may) (?:i|we) (?:use|claim)\b|\b(?:ok|okay|good) (?:for|toward|towards)\b/;
// "does it count?", "do my hours count", "the 2 hours I did": credit, not an activity the rules may not name.
const LOGGED_CREDIT = /\b(?:it|this|that|these|those)\b|\b(?:my|the) (?:[\d.]+ ?)?(?:h|hrs?|hours?|points?|credits?|ceus?|ce|activit\w+|entries|logs?)\b/;
// "webinars count?", "in services count for cma": the question said short, without its verb.
const SAID_SHORT = /^(?:an? |my |the )?[\w' -]+? (?:count|counts|qualify|qualifies)(?: (?:for|toward|towards) .*)?$/;

// "does phlebotomy count as clinical?", "is HIPAA admin or general", "what counts as clinical": the category.
const CATEGORY_ASKED = /\bas (?:an? )?(?:admin\w*|clinical|general)\b|\b(?:admin\w*|clinical|general) or (?:admin\w*|clinical|general)\b/;
const WHAT_COUNTS_AS = /^what (?:counts|goes|falls|is) (?:as|under|in) (?:admin\w*|clinical|general)\b/;

type Topic = 'college' | 'in-service' | 'employment' | 'course';
// In order: a college class is college credit, an employer's training an in-service, a course taken
// at work a course; work itself is employment.
const TOPICS: ReadonlyArray<[RegExp, Topic]> = [
  [/\bcollege\b|\buniversity\b|\bsemester\b|\bquarter credits?\b/, 'college'],
  [/\bin[- ]?services?\b|\b(?:employer|employers|work|job|company)(?:'s)? (?:training|class|course|education)\b|\btraining at work\b|\blunch (?:and|&|n) learns?\b/, 'in-service'],
  // A course named as such, though taken at work or paid by the job; CE, CEUs and CME alone may be
  // only the credit asked about ("does work count towards CEUs"), so they count after employment.
  [/\bwebinars?\b|\bcourses?\b|\bclass(?:es)?\b|\bseminars?\b|\bconferences?\b|\bworkshops?\b|\blectures?\b|\bmodules?\b|\btrainings?\b|\bvideos?\b|\blessons?\b|\bsymposi\w*/, 'course'],
  [/\bemploy\w*|\bmy job\b|\bwork\b|\bworking\b|\bwork experience\b|\bon the job\b/, 'employment'],
  [/\bces?\b|\bceus?\b|\bcme\b/, 'course'],
];
const FORMAL_CREDIT = 'contact hours, CEUs, CME, college credits or points';

/** The answer to a question whether an activity counts, or undefined when the text is not one. */
export function activityCountsAnswer(text: string): Reply | undefined {
  const said = text.trim().toLowerCase().replace(/[’‘]/g, "'").replace(/[?!.]+$/, '');
  if (WHAT_COUNTS_AS.test(said) || (ASKS.test(said) && CATEGORY_ASKED.test(said))) return categoryAnswer();
  const topic = TOPICS.find(([words]) => words.test(said))?.[1];
  // Unasked, only a line with no figure in it: "a college course that counts for 3 credits" is a log.
  const asked = ASKS.test(said) ? ABOUT_CREDIT.test(said) || (topic !== undefined && USE_FOR.test(said)) : topic !== undefined && SAID_SHORT.test(said) && !/\d/.test(said);
  if (!asked) return undefined;
  const packs = packsAsked(said);
  const items = (answer: (pack: RulePack) => string) => packs.map(({ pack, label }) => `${label}: ${answer(pack)}`);
  const blocks: Block[] = topic === 'college' ? collegeBlocks(items(collegeCredit))
    : topic === 'employment' ? employmentBlocks(items(employment))
    : [{ kind: 'paragraph', text: opening(topic, LOGGED_CREDIT.test(said)) }, { kind: 'list', items: items(ceRule) }, { kind: 'paragraph', text: logAdvice(packs.some(({ pack }) => pack.approved)) }];
  return reply(blocks);
}

function logAdvice(approvedCounts: boolean): string {
  const approved = approvedCounts ? ' (add `aama` if AAMA approved it)' : '';
  return `Log what the certificate prints, e.g. \`log 1h clinical "<title>"\`${approved}; \`help log\` lists the units, and \`history\` shows whether each activity counted.`;
}

/** RULES.md names no activity by kind (volunteering, precepting): only credit on a certificate counts. */
function opening(topic: Topic | undefined, aboutLogged: boolean): string {
  const credit = `when its certificate shows credit (${FORMAL_CREDIT}) and it falls in your current cycle`;
  if (topic === 'in-service') return `An in-service counts ${credit}; my rules give no credit for one without a certificate. By credential:`;
  if (topic === 'course') return `It counts ${credit}. By credential:`;
  if (aboutLogged) return `An activity counts ${credit}. By credential:`;
  return `My rules say nothing about that activity as such: it counts only as CE, ${credit}. By credential:`;
}

// RULES.md "CMA (AAMA)": a non-approved activity must be relevant, carry formal credit, last a contact hour, fall in the period.
function ceRule(pack: RulePack): string {
  if (pack.approved) {
    const minutes = pack.minimumContactHour ? `, lasts at least one contact hour (${pack.minimumContactHour.minutes.value} minutes)` : '';
    return `${pack.body}-approved CE counts. Other CE counts only if it is relevant to medical assisting, carries formal credit${minutes} and falls in your current period; at most ${pack.approved.otherCap.value} such points count.`;
  }
  if (pack.outsideCeWindow) return `CE from other providers counts only if completed no earlier than the calendar year before your recertification year (CE-0309).`;
  const hour = pack.conversions.find((c) => c.unit === 'hours')!;
  const perHour = hour.factor.value / hour.divisor;
  // NHA: "2 hours of continuing education = 1 NHA continuing education credit", as NHA says it.
  const rate = perHour < 1 ? `${formatNumber(1 / perHour)} hours are 1 ${unitLabel(1, pack)}` : `1 hour is ${formatNumber(perHour)} ${unitLabel(perHour, pack)}`;
  return `CE earned inside your cycle counts; ${rate}${hour.factor.status === 'U' ? ' (unverified)' : ''}.`;
}

function collegeBlocks(items: string[]): Block[] {
  const settings = items.some((item) => item.includes('(unverified)')) ? ' `settings rules` shows the figures used here.' : '';
  return [
    { kind: 'paragraph', text: 'A college course counts as the credits on your transcript. One college credit is:' },
    { kind: 'list', items },
    { kind: 'paragraph', text: `Log it as printed, e.g. \`log 3 college-credits general "Anatomy"\` (the category matters for a CMA only).${settings}` },
  ];
}

function collegeCredit(pack: RulePack): string {
  const rule = pack.conversions.find((c) => c.unit === 'college-credits')!;
  const value = rule.factor.value / rule.divisor;
  const nonApproved = rule.alwaysNonApproved && pack.approved ? `, as non-${pack.body} points (at most ${pack.approved.otherCap.value} of those count)` : '';
  const condition = rule.condition ? `; ${rule.condition}` : '';
  return `${formatNumber(value)} ${unitLabel(value, pack)}${nonApproved}${rule.factor.status === 'U' ? ' (unverified)' : ''}${condition}.`;
}

function employmentBlocks(items: string[]): Block[] {
  return [
    { kind: 'paragraph', text: 'Work itself earns no credit in my rules:' },
    { kind: 'list', items },
    { kind: 'paragraph', text: 'Training at work counts when it comes with a certificate of credit: log what it prints (`help log` lists the units).' },
  ];
}

const EMPLOYMENT: Partial<Record<RulePack['code'], string>> = {
  // RULES.md "RMA and CMAS (AMT)": employment points only for employment through 2020-12-31 (V).
  AMT: 'no longer: AMT gave CCP points for employment only through 2020-12-31.',
  // RULES.md "CMA (AAMA)": only activities carrying formal credit count.
  CMA: 'no: only activities with formal credit (CEUs, CME, contact hours or college credit) count.',
};

function employment(pack: RulePack): string {
  return EMPLOYMENT[pack.code] ?? `my rules say nothing about employment; ask ${pack.body} before counting on it.`;
}

/** RULES.md says which categories a CMA needs, not which topics fall in which. */
function categoryAnswer(): Reply {
  const minimums = getRulePack('CMA').categoryMinimums.map((m) => `${m.minimum.value} ${m.category}`);
  return reply([{
    kind: 'paragraph',
    text: `My rules do not say which topics are administrative, clinical or general: log the category its certificate or provider gives, e.g. \`log 1h clinical "Phlebotomy"\`. Categories matter for a CMA only: at least ${minimums.slice(0, -1).join(', ')} and ${minimums.at(-1)} points.`,
  }]);
}

/** NCCT's unit is the clock hour; the others name theirs. */
function unitLabel(value: number, pack: RulePack): string {
  return pack.unit === 'hours' ? `clock hour${value === 1 ? '' : 's'}` : unitName(value, pack.unit);
}
