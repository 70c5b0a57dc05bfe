import { toHalfWidth } from '@concord/table-engine';

/** "技术中心 / 平台部", "技术中心／平台部" → ["技术中心", "平台部"]. */
export function splitPath(text: string): string[] {
  return toHalfWidth(text)
    .split(/[/>]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Comparison key of one name: half-width, trimmed, case-insensitive. */
export const nameKey = (name: string) => toHalfWidth(name).trim().toLowerCase();

interface Node {
  id: string;
  name: string;
  parentId: string | null;
  active: boolean;
}

/** The department tree in memory, addressed by path ("技术中心/平台部") or by name, kept current as an import adds rows. */
export class DepartmentIndex {
  private readonly nodes = new Map<string, Node>();
  private readonly paths = new Map<string, string>();

  constructor(rows: readonly { id: string; name: string; parent_id: string | null; active: boolean }[]) {
    for (const r of rows) this.nodes.set(r.id, { id: r.id, name: r.name, parentId: r.parent_id, active: r.active });
    for (const id of this.nodes.keys()) this.paths.set(this.pathKey(id), id);
  }

  get(id: string): Node | undefined {
    return this.nodes.get(id);
  }

  /** The department and its ancestors, root first; stops at a cycle rather than looping. */
  private chain(id: string): Node[] {
    const out: Node[] = [];
    const seen = new Set<string>();
    for (let n = this.nodes.get(id); n && !seen.has(n.id); n = n.parentId ? this.nodes.get(n.parentId) : undefined) {
      seen.add(n.id);
      out.unshift(n);
    }
    return out;
  }

  pathKey(id: string): string {
    return this.chain(id)
      .map((n) => nameKey(n.name))
      .join('/');
  }

  /** "技术中心/平台部", for messages. */
  displayPath(id: string): string {
    return this.chain(id)
      .map((n) => n.name)
      .join('/');
  }

  byPath(segments: readonly string[]): Node | undefined {
    const id = this.paths.get(segments.map(nameKey).join('/'));
    return id ? this.nodes.get(id) : undefined;
  }

  byName(name: string, activeOnly: boolean): Node[] {
    const key = nameKey(name);
    return [...this.nodes.values()].filter((n) => nameKey(n.name) === key && (!activeOnly || n.active));
  }

  add(node: Node): void {
    this.nodes.set(node.id, node);
    this.paths.set(this.pathKey(node.id), node.id);
  }

  setActive(id: string): void {
    const n = this.nodes.get(id);
    if (n) n.active = true;
  }

  /** A reference typed in a cell: a path when it contains "/", else a name that must be unique. */
  resolve(text: string, activeOnly: boolean): { kind: 'found'; node: Node } | { kind: 'none' } | { kind: 'ambiguous'; paths: string[] } {
    const segments = splitPath(text);
    if (segments.length > 1) {
      const node = this.byPath(segments);
      return node && (!activeOnly || node.active) ? { kind: 'found', node } : { kind: 'none' };
    }
    const matches = this.byName(segments[0] ?? '', activeOnly);
    if (matches.length === 1) return { kind: 'found', node: matches[0]! };
    if (matches.length === 0) return { kind: 'none' };
    return { kind: 'ambiguous', paths: matches.map((m) => this.displayPath(m.id)) };
  }
}
