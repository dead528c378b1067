/**
 * An append-only log of what a fake received, with a wait that also looks at records already in
 * the log: a handler may finish before the test starts waiting, and that must not be a miss.
 */
export interface RecordLog<T> {
  readonly items: T[];
  push(item: T): void;
  waitFor(predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T>;
}

export function createRecordLog<T>(describe: (item: T) => string): RecordLog<T> {
  const items: T[] = [];
  const listeners = new Set<(item: T) => void>();

  return {
    items,
    push(item) {
      items.push(item);
      for (const listener of [...listeners]) listener(item);
    },
    waitFor(predicate, timeoutMs, what) {
      // A predicate that trips over an unexpected record (reading a field it lacks) is a non-match,
      // not an exception thrown into the fake's request handler.
      const matches = (item: T): boolean => {
        try {
          return predicate(item);
        } catch {
          return false;
        }
      };
      const seen = items.find(matches);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<T>((resolve, reject) => {
        const listener = (item: T): void => {
          if (!matches(item)) return;
          settle();
          resolve(item);
        };
        const timer = setTimeout(() => {
          settle();
          const saw = items.length === 0 ? 'nothing' : items.map(describe).join('\n  ');
          reject(new Error(`timed out after ${timeoutMs}ms waiting for ${what}; saw:\n  ${saw}`));
        }, timeoutMs);
        const settle = (): void => {
          clearTimeout(timer);
          listeners.delete(listener);
        };
        listeners.add(listener);
      });
    },
  };
}
