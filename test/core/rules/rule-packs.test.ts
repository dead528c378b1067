import { describe, expect, it } from 'vitest';
import { CREDENTIAL_CODES, getRulePack, RULE_PACKS, RULE_SETTINGS, rulePackSchema, validateRuleOverrides } from '../../../src/core/rules/index.js';
import { checkRulePack } from '../../../src/core/rules/check-rule-pack.js';
import { CMA_PACK } from '../../../src/core/rules/packs/cma.js';

describe('rule packs', () => {
  it('cover every credential code exactly once', () => {
    for (const code of CREDENTIAL_CODES) {
      expect(RULE_PACKS.filter((p) => p.credentials.some((c) => c.code === code))).toHaveLength(1);
    }
    expect(getRulePack('CMAS').code).toBe('AMT');
    expect(getRulePack('CET').code).toBe('NHA');
  });

  it('pass their own consistency checks', () => {
    for (const pack of RULE_PACKS) expect(checkRulePack(pack)).toEqual([]);
  });

  it('refuse an unverified number that is not a setting', () => {
    const broken = { ...CMA_PACK, required: { value: 60, sourceId: 'aama-policies', status: 'U' } };
    expect(rulePackSchema.safeParse(broken).success).toBe(false);
  });

  it('flag a number that cites a source the pack does not list', () => {
    const pack = rulePackSchema.parse({ ...CMA_PACK, required: { value: 60, sourceId: 'nowhere', status: 'V' } });
    expect(checkRulePack(pack).join('\n')).toMatch(/unknown source "nowhere"/);
  });
});

describe('rule settings', () => {
  it('list the unverified values with their defaults', () => {
    const byKey = new Map(RULE_SETTINGS.map((s) => [s.key, s]));
    expect(byKey.get('ncma.hoursPerYear')).toMatchObject({ default: 14, status: 'U', pack: 'NCMA' });
    expect(byKey.get('cma.cprCountsAsApproved')).toMatchObject({ default: true, status: 'U' });
    for (const key of ['amt.collegeCreditPoints', 'nha.collegeCreditHours', 'ncma.collegeCreditHours', 'amt.pointsPerContactHour', 'cma.pointsPerIacetCeu']) {
      expect(byKey.has(key)).toBe(true);
    }
    expect(new Set(RULE_SETTINGS.map((s) => s.key)).size).toBe(RULE_SETTINGS.length);
    expect(RULE_SETTINGS.every((s) => s.label && s.description && s.sourceId)).toBe(true);
  });

  it('accept overrides of the right type', () => {
    expect(validateRuleOverrides({ 'ncma.hoursPerYear': 12, 'cma.cprCountsAsApproved': false })).toEqual({
      ok: true,
      overrides: { 'ncma.hoursPerYear': 12, 'cma.cprCountsAsApproved': false },
    });
  });

  it('report every bad override at once with stable codes', () => {
    const result = validateRuleOverrides({ 'no.such': 1, 'ncma.hoursPerYear': 'fourteen', 'cma.pointsPerIacetCeu': -1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toEqual(['unknown-setting', 'wrong-type', 'out-of-range']);
  });
});
