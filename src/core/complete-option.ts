/**
 * Suggestions for an option a member is typing (Discord autocomplete): providers they used before,
 * their activities (for edit and delete), their credentials. Reads only; at most 25, as platforms allow.
 */
import type { OptionDeclaration } from './command.js';
import type { Store, StoredActivity } from './ports.js';
import type { Actor } from './types.js';
import { describeActivity } from './views/describe.js';

export interface Choice {
  name: string;
  value: string;
}

export const MAX_CHOICES = 25;
const MAX_NAME = 100;

export function completeOption(store: Store, actor: Actor, kind: NonNullable<OptionDeclaration['autocomplete']>, typed: string): Choice[] {
  const member = store.findMember(actor);
  if (!member) return [];
  const needle = typed.trim().toLowerCase();
  const matches = (text: string) => text.toLowerCase().includes(needle);
  switch (kind) {
    case 'providers': {
      const providers = new Map<string, string>();
      // Newest first, and the newest spelling of a provider wins ("relias" after "Relias").
      for (const a of store.listActivities(member).reverse()) {
        if (a.provider && matches(a.provider) && !providers.has(a.provider.toLowerCase())) providers.set(a.provider.toLowerCase(), a.provider);
      }
      return [...providers.values()].slice(0, MAX_CHOICES).map((p) => ({ name: p.slice(0, MAX_NAME), value: p }));
    }
    case 'activities': {
      const activities = store.listActivities(member);
      // "12" or "#12" is the start of an id (#12, #120…): matched against descriptions, a digit
      // would match every activity dated 2026.
      const digits = /^#?(\d+)$/.exec(needle)?.[1];
      const choice = (a: StoredActivity): Choice => ({ name: describeActivity(a).slice(0, MAX_NAME), value: String(a.id) });
      if (digits !== undefined) {
        return activities.filter((a) => String(a.id).startsWith(digits)).sort((a, b) => a.id - b.id).slice(0, MAX_CHOICES).map(choice);
      }
      return activities.reverse().map(choice).filter((c) => matches(c.name)).slice(0, MAX_CHOICES);
    }
    case 'credentials':
      return store.listCredentials(member).map((c) => ({ name: c.code, value: c.code })).filter((c) => matches(c.name));
  }
}
