/**
 * Numbers distinct strings (an import's ~1.2 million lookup keys) in an open-addressing table of typed arrays. Scoped
 * keys are hashed and compared as prefix + key, so the joined string is only made for a key seen the first time; a
 * Map would need it for every lookup, and hashing and growing a Map of a million fresh strings was the larger part of
 * making an import's keys.
 */
export class KeyIndex {
  /** Id → the string, in the order first added. */
  readonly strings: string[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(2048).fill(-1);
  private mask = 2047;

  get size(): number {
    return this.strings.length;
  }

  /** The id of `prefix + key`, added when new. */
  add(prefix: string, key: string): number {
    const h = hash(key, hash(prefix, SEED));
    let i = h & this.mask;
    for (let id = this.slots[i]!; id >= 0; id = this.slots[i]!) {
      if (this.hashes[id] === h && same(this.strings[id]!, prefix, key)) return id;
      i = (i + 1) & this.mask;
    }
    const id = this.strings.push(prefix + key) - 1;
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    this.slots[i] = id;
    if (this.strings.length * 2 > this.mask) this.grow();
    return id;
  }

  /** The id of a whole string, or -1. */
  find(s: string): number {
    const h = hash(s, SEED);
    let i = h & this.mask;
    for (let id = this.slots[i]!; id >= 0; id = this.slots[i]!) {
      if (this.hashes[id] === h && this.strings[id] === s) return id;
      i = (i + 1) & this.mask;
    }
    return -1;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    for (let id = 0; id < this.strings.length; id++) {
      let i = this.hashes[id]! & this.mask;
      while (this.slots[i]! >= 0) i = (i + 1) & this.mask;
      this.slots[i] = id;
    }
  }
}

const SEED = 0x811c9dc5 | 0;

/** FNV-1a over UTF-16 code units, continuing from `h`. */
function hash(s: string, h: number): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function same(s: string, prefix: string, key: string): boolean {
  return s.length === prefix.length + key.length && s.startsWith(prefix) && s.endsWith(key);
}
