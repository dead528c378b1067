/**
 * Remembered answers under two keys (a code then a date, an instant then a zone), for questions a
 * sweep asks thousands of times: two map lookups cost less than building one joined key. Holds at
 * most `max` answers, then starts over.
 */
export class TwoKeyMemo<K1, K2, V> {
  private readonly byFirst = new Map<K1, Map<K2, V>>();
  private held = 0;

  constructor(private readonly max: number) {}

  get(first: K1, second: K2): V | undefined {
    return this.byFirst.get(first)?.get(second);
  }

  set(first: K1, second: K2, value: V): V {
    if (this.held >= this.max) {
      this.byFirst.clear();
      this.held = 0;
    }
    let bySecond = this.byFirst.get(first);
    if (!bySecond) this.byFirst.set(first, (bySecond = new Map()));
    bySecond.set(second, value);
    this.held++;
    return value;
  }
}
