/**
 * Who a console `@name` is. Names are one member however they are capitalised (`@Bob`, `@bob`), as
 * in a chat: a new member's id is the name in lower case. Members a database already holds keep
 * their ids (a console before this one stored `@Bob` as "Bob"): a name matching one of them, in any
 * capitals, is that member, so nothing they logged goes out of reach. The console user keeps
 * CEU_USER as set, for the same reason. The name shown is each member's name as first typed in
 * this session (the console user's: CEU_USER).
 */
export interface ConsoleNames {
  /** The member id a typed name stands for. */
  idFor(typedName: string): string;
  /** The name shown for an id `idFor` gave. */
  shownAs(id: string): string;
  /**
   * An `admin` line with each `@name` of a member seen (stored or typed) spelt as that member's id,
   * as a chat platform turns a mention into a user id: `admin add @bob` then names the member stored
   * as "Bob". Any other line is left as typed (a title may hold an @).
   */
  mentionsIn(text: string): string;
}

export function createConsoleNames(consoleUser: string, knownIds: readonly string[] = []): ConsoleNames {
  const known = new Set(knownIds);
  const byLower = new Map<string, string>();
  // An id already in lower case wins a clash (`bob` and `Bob` both stored): it is what new typing makes.
  for (const id of [...knownIds].sort((a, b) => Number(a !== a.toLowerCase()) - Number(b !== b.toLowerCase()))) {
    if (!byLower.has(id.toLowerCase())) byLower.set(id.toLowerCase(), id);
  }
  byLower.set(consoleUser.toLowerCase(), consoleUser);
  const shown = new Map<string, string>([[consoleUser, consoleUser]]);
  return {
    idFor(typedName) {
      const lower = typedName.toLowerCase();
      // A stored id typed exactly is that member, even one spelt like the console user in other capitals.
      const id = known.has(typedName) ? typedName : lower === consoleUser.toLowerCase() ? consoleUser : (byLower.get(lower) ?? lower);
      byLower.set(lower, byLower.get(lower) ?? id);
      if (!shown.has(id)) shown.set(id, typedName);
      return id;
    },
    shownAs: (id) => shown.get(id) ?? id,
    mentionsIn: (text) => !/^admin\s/i.test(text) ? text : text.replace(/(^|\s)@([\p{L}\p{N}_.-]+)/gu, (whole, before: string, name: string) => {
      const id = byLower.get(name.toLowerCase());
      return id === undefined ? whole : `${before}@${id}`;
    }),
  };
}
