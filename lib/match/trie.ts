/**
 * Character trie of the lexicon's words in typed arrays. The lexicon scan walks it from every
 * position of every pack text (about a million steps for 10,000 scripts); a tree of Map objects was
 * the largest single cost of the index build. Nodes are numbers (0 is the root): the root's children
 * sit in a table indexed by character, deeper edges in one open-addressing hash of (node, character).
 */
export class Trie {
  private readonly rootChild = new Int32Array(0x10000);
  private edgeNode = new Int32Array(1 << 12);
  private edgeCode = new Int32Array(1 << 12);
  private edgeChild = new Int32Array(1 << 12);
  private shift = 20;
  private edges = 0;
  /** Value of the word ending at each node (undefined: no word ends there). */
  readonly values: (number[] | undefined)[] = [undefined];

  /** Does some word start with this character? */
  starts(code: number): boolean {
    return this.rootChild[code] !== 0;
  }

  /** Child of `node` by character `code`, or 0. */
  child(node: number, code: number): number {
    if (node === 0) return this.rootChild[code];
    const mask = this.edgeNode.length - 1;
    for (let i = this.slot(node, code); ; i = (i + 1) & mask) {
      const n = this.edgeNode[i];
      if (n === 0) return 0;
      if (n === node && this.edgeCode[i] === code) return this.edgeChild[i];
    }
  }

  /** Adds `word` (or finds it) and gives it `value`. */
  set(word: string, value: number[]): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let next = this.child(node, code);
      if (!next) {
        next = this.values.length;
        this.values.push(undefined);
        if (node === 0) this.rootChild[code] = next;
        else this.addEdge(node, code, next);
      }
      node = next;
    }
    this.values[node] = value;
  }

  private slot(node: number, code: number): number {
    return Math.imul(Math.imul(node, 0x85ebca6b) ^ code, 0x9e3779b1) >>> this.shift;
  }

  private addEdge(node: number, code: number, child: number): void {
    if (++this.edges * 2 > this.edgeNode.length) this.rehash();
    const mask = this.edgeNode.length - 1;
    let i = this.slot(node, code);
    while (this.edgeNode[i] !== 0) i = (i + 1) & mask;
    this.edgeNode[i] = node;
    this.edgeCode[i] = code;
    this.edgeChild[i] = child;
  }

  private rehash(): void {
    const [nodes, codes, children] = [this.edgeNode, this.edgeCode, this.edgeChild];
    const n = nodes.length * 2;
    this.edgeNode = new Int32Array(n);
    this.edgeCode = new Int32Array(n);
    this.edgeChild = new Int32Array(n);
    this.shift--;
    const mask = n - 1;
    for (let j = 0; j < nodes.length; j++) {
      if (nodes[j] === 0) continue;
      let i = this.slot(nodes[j], codes[j]);
      while (this.edgeNode[i] !== 0) i = (i + 1) & mask;
      this.edgeNode[i] = nodes[j];
      this.edgeCode[i] = codes[j];
      this.edgeChild[i] = children[j];
    }
  }
}
