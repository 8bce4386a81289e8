/**
 * Per-entry results of the previous call, reused by position. The review re-plans every staged
 * change after each edit; the changes keep their order (a Map: edited entries keep their place,
 * new ones come last), so walking the previous call's keys in step finds each result again with
 * no hashing. Entries that left are skipped over; after a key the previous call did not have,
 * nothing more is looked up (what follows is new, or re-added after something new).
 */
export class Carry<K, V> {
  private keys: K[] = [];
  private values: V[] = [];
  private nextKeys: K[] = [];
  private nextValues: V[] = [];
  private at = 0;
  private lost = false;

  /** Starts a call (dropping what an unfinished one kept). */
  begin(): void {
    this.nextKeys = [];
    this.nextValues = [];
    this.at = 0;
    this.lost = false;
  }

  /** The previous call's value for `key`, if it had one in this order. */
  find(key: K): V | undefined {
    if (this.lost) return undefined;
    const { keys } = this;
    let q = this.at;
    while (q < keys.length && keys[q] !== key) q++;
    if (q === keys.length) {
      this.lost = true;
      return undefined;
    }
    this.at = q + 1;
    return this.values[q];
  }

  /** Records this call's value for `key` (in the order of the entries). */
  keep(key: K, value: V): void {
    this.nextKeys.push(key);
    this.nextValues.push(value);
  }

  /** Ends the call: what it kept is what the next call finds. */
  end(): void {
    this.keys = this.nextKeys;
    this.values = this.nextValues;
    this.begin();
  }

  /** The values kept by the last finished call, in order. */
  get last(): readonly V[] {
    return this.values;
  }
}
