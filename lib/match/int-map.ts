/**
 * Map from non-negative 31-bit integers (token keys) to dense ids 0, 1, 2 … in insertion order, in
 * typed arrays (open addressing, linear probing). Building the index of 10,000 scripts looks a token
 * up about 1.5 million times: a JS Map with number keys costs several times more per lookup and
 * allocates as it grows.
 */
export class IntIds {
  private slots: Int32Array;
  private slotIds: Int32Array;
  private shift: number;
  /** Key of each id (id → key): iteration in insertion order. */
  private keyOf: Int32Array;
  size = 0;

  constructor(capacity = 1 << 12) {
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    this.slots = new Int32Array(1 << bits).fill(-1);
    this.slotIds = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.keyOf = new Int32Array(capacity);
  }

  /** Fibonacci hashing: the top bits of key × 2^32/φ spread consecutive keys over the table. */
  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** The id of `key`, or -1. */
  get(key: number): number {
    const { slots } = this;
    const mask = slots.length - 1;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const k = slots[i];
      if (k === key) return this.slotIds[i];
      if (k === -1) return -1;
    }
  }

  /** The id of `key`, adding it (as the next id) when new. */
  intern(key: number): number {
    const { slots } = this;
    const mask = slots.length - 1;
    let i = this.slot(key);
    for (; ; i = (i + 1) & mask) {
      const k = slots[i];
      if (k === key) return this.slotIds[i];
      if (k === -1) break;
    }
    const id = this.size++;
    slots[i] = key;
    this.slotIds[i] = id;
    if (id === this.keyOf.length) {
      const bigger = new Int32Array(id * 2);
      bigger.set(this.keyOf);
      this.keyOf = bigger;
    }
    this.keyOf[id] = key;
    if (this.size * 2 > slots.length) this.rehash();
    return id;
  }

  /** Key of id `id`. */
  key(id: number): number {
    return this.keyOf[id];
  }

  private rehash(): void {
    const n = this.slots.length * 2;
    this.slots = new Int32Array(n).fill(-1);
    this.slotIds = new Int32Array(n);
    this.shift--;
    const mask = n - 1;
    for (let id = 0; id < this.size; id++) {
      let i = this.slot(this.keyOf[id]);
      while (this.slots[i] !== -1) i = (i + 1) & mask;
      this.slots[i] = this.keyOf[id];
      this.slotIds[i] = id;
    }
  }
}
