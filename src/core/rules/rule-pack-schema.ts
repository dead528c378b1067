/**
 * The shape of a rule pack, checked with zod when the packs load. A pack is data, not code
 * paths (RULES.md): every number carries the id of its source and a status, and an unverified
 * (U) number must be a setting a workspace can override.
 */
import { z } from 'zod';
import { CATEGORIES, CREDENTIAL_CODES, UNITS } from './types.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const sourceStatus = z.enum(['V', 'V3', 'U']);

const setting = z.object({
  key: z.string().regex(/^[a-z]+\.[A-Za-z]+$/, 'setting keys look like "pack.camelCase"'),
  label: z.string().min(1),
  description: z.string().min(1),
});

const sourced = <T extends z.ZodType>(value: T) =>
  z
    .object({ value, sourceId: z.string().min(1), status: sourceStatus, setting: setting.optional() })
    .refine((s) => s.status !== 'U' || s.setting !== undefined, {
      message: 'an unverified (U) value must be a setting',
    });

export const sourcedNumberSchema = sourced(z.number().finite().nonnegative());
export const sourcedBooleanSchema = sourced(z.boolean());
export type SourcedNumber = z.infer<typeof sourcedNumberSchema>;
export type SourcedBoolean = z.infer<typeof sourcedBooleanSchema>;
export type SettingInfo = z.infer<typeof setting>;

/** Credit in the credential's unit = amount × factor ÷ divisor (minutes: ÷ 60; NHA hours: ÷ 2). */
const conversion = z.object({
  unit: z.enum(UNITS).exclude(['card']),
  factor: sourcedNumberSchema,
  divisor: z.number().int().positive(),
  /** College credit is non-AAMA even when flagged AAMA (AAMA "Twice as nice"). */
  alwaysNonApproved: z.boolean().optional(),
  /** A condition the member must meet that we cannot check (e.g. NCCT's grade C or better). */
  condition: z.string().optional(),
});

const cprCard = z.discriminatedUnion('accepted', [
  z.object({
    accepted: z.literal(true),
    points: sourcedNumberSchema,
    category: z.enum(CATEGORIES),
    maxCards: sourcedNumberSchema,
    countsAsApproved: sourcedBooleanSchema,
  }),
  z.object({ accepted: z.literal(false), reason: z.string().min(1), sourceId: z.string(), status: sourceStatus }),
]);

export const rulePackSchema = z.object({
  code: z.enum(['CMA', 'AMT', 'NCMA', 'NHA', 'BLS']),
  body: z.string().min(1),
  name: z.string().min(1),
  credentials: z.array(z.object({ code: z.enum(CREDENTIAL_CODES), name: z.string().min(1) })).min(1),
  unit: z.enum(['points', 'hours', 'credits', 'card']),
  effectiveFrom: isoDate,
  sources: z
    .array(z.object({ id: z.string().min(1), title: z.string().min(1), url: z.url().nullable(), status: sourceStatus }))
    .min(1),
  cycle: z.object({
    /** month-end: ends on the last day of a month (CMA, BLS card); anniversary: day before the anniversary. */
    kind: z.enum(['months-to-month-end', 'anniversary-years', 'card-months']),
    length: sourcedNumberSchema,
  }),
  required: sourcedNumberSchema,
  categoryMinimums: z.array(z.object({ category: z.enum(CATEGORIES), minimum: sourcedNumberSchema })),
  approved: z.object({ minimum: sourcedNumberSchema, otherCap: sourcedNumberSchema }).nullable(),
  conversions: z.array(conversion),
  cprCard: cprCard.nullable(),
  /** Applies to non-approved activities; `minutes` is the contact hour's length in minutes. */
  minimumContactHour: z.object({ minimum: sourcedNumberSchema, minutes: sourcedNumberSchema }).nullable(),
  afterExpiry: z.object({
    grace: z
      .object({
        length: sourcedNumberSchema,
        unit: z.enum(['days', 'years']),
        /** A second wording of the same grace in calendar months (AAMA: "three months" and "90 days"): the earlier end wins. */
        orCalendarMonths: sourcedNumberSchema.optional(),
      })
      .nullable(),
    then: z.enum(['exam-required', 'expired']),
    route: z.string().min(1),
    sourceId: z.string(),
    status: sourceStatus,
  }),
  processingDays: z.object({ approvedOnly: sourcedNumberSchema, nonApproved: sourcedNumberSchema }).nullable(),
  /**
   * What the body says of credit earned outside the period, closing the reason an activity dated
   * outside it did not count ("AMT counts only credit earned in it and nothing rolls over"); null
   * where our sources say nothing. Unverified (U), it must say so itself.
   */
  outsidePeriod: z
    .object({ says: z.string().min(1), sourceId: z.string(), status: sourceStatus })
    .refine((rule) => rule.status !== 'U' || rule.says.includes('unverified'), { message: 'an unverified (U) rule must say it is unverified' })
    .nullable(),
  /** NCCT: outside CE counts from 1 January of this many calendar years before the expiry's year. */
  outsideCeWindow: z.object({ calendarYearsBefore: sourcedNumberSchema }).nullable(),
  fees: z.array(z.object({ id: z.string(), label: z.string(), usd: sourcedNumberSchema })),
  notes: z.array(z.string()),
});

export type RulePack = z.infer<typeof rulePackSchema>;
/** What a pack file writes (before validation). */
export type RulePackInput = z.input<typeof rulePackSchema>;
export type RulePackCode = RulePack['code'];
export type Conversion = RulePack['conversions'][number];
