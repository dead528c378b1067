/**
 * The rule packs, validated when this module loads: a malformed pack stops the program at start,
 * not in the middle of a member's status.
 */
import { AMT_PACK } from './packs/amt.js';
import { BLS_PACK } from './packs/bls.js';
import { CMA_PACK } from './packs/cma.js';
import { NCMA_PACK } from './packs/ncma.js';
import { NHA_PACK } from './packs/nha.js';
import { checkRulePack } from './check-rule-pack.js';
import { rulePackSchema, type RulePack } from './rule-pack-schema.js';
import type { CredentialCode } from './types.js';

function load(input: unknown): RulePack {
  const pack = rulePackSchema.parse(input);
  const problems = checkRulePack(pack);
  if (problems.length > 0) throw new Error(`invalid rule pack:\n${problems.join('\n')}`);
  return pack;
}

export const RULE_PACKS: readonly RulePack[] = [CMA_PACK, AMT_PACK, NCMA_PACK, NHA_PACK, BLS_PACK].map(load);

/** The pack that governs a credential code (RMA → AMT, CCMA → NHA, …). */
export function getRulePack(code: CredentialCode): RulePack {
  const pack = RULE_PACKS.find((p) => p.credentials.some((c) => c.code === code));
  if (!pack) throw new Error(`no rule pack covers ${code}`);
  return pack;
}

/** The credential's full name, e.g. "Certified Clinical Medical Assistant (NHA)". */
export function credentialName(code: CredentialCode): string {
  return getRulePack(code).credentials.find((c) => c.code === code)?.name ?? code;
}
