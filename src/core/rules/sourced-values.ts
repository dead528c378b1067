/**
 * Finds every sourced number or flag in a pack, wherever it sits, so the settings list and the
 * source checks cannot miss one added later.
 */
import type { SettingInfo } from './rule-pack-schema.js';
import type { SourceStatus } from './types.js';

export interface SourcedValue {
  value: number | boolean;
  sourceId: string;
  status: SourceStatus;
  setting?: SettingInfo;
}

export interface SourceReference {
  path: string;
  sourceId: string;
  /** Present when the object is a sourced value (it has `value`). */
  sourced?: SourcedValue;
}

export function collectSourceReferences(node: unknown, path = ''): SourceReference[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => collectSourceReferences(item, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const here: SourceReference[] = [];
  if (typeof record.sourceId === 'string' && path !== '' && !path.startsWith('.sources')) {
    const isValue = 'value' in record && 'status' in record;
    here.push({ path, sourceId: record.sourceId, ...(isValue ? { sourced: record as unknown as SourcedValue } : {}) });
  }
  const below = Object.entries(record).flatMap(([key, child]) => collectSourceReferences(child, `${path}.${key}`));
  return [...here, ...below];
}
