import type { FieldDto } from '@concord/contracts';
import { fieldTypeDefs } from '@concord/table-engine';

/** A cell the paste leaves alone (read-only field, or text that cannot name a record). */
export const SKIP: unique symbol = Symbol('skip');
export type PasteValue = unknown;

/** What this tab last copied: the text on the clipboard and the API values behind it (people and links by id). */
export interface InternalClip {
  text: string;
  values: unknown[][];
}

export interface Ref {
  id: string;
  name: string;
}

export interface PasteResolvers {
  /** People by exact name or email, looked up in the directory. */
  people: (names: string[]) => Promise<Map<string, Ref>>;
  departments: (names: string[]) => Promise<Map<string, Ref>>;
}

/** Types whose values are ids: pasted from this grid's own copy as values, not text. */
const BY_ID = new Set<FieldDto['type']>(['person', 'department', 'link', 'attachment']);

const splitNames = (s: string) =>
  s
    .split(/[,，;；、\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Turns a pasted block into API values per target column. Text goes to the server as typed (it parses numbers with
 * separators, option names, dates and phones per type); people and departments are resolved by name here, because
 * the API takes their ids; links and attachments only paste from this grid's own copy.
 */
export async function pasteValues(
  columns: readonly FieldDto[],
  block: readonly (readonly string[])[],
  internal: InternalClip | null,
  resolvers: PasteResolvers,
): Promise<{ rows: unknown[][]; skipped: number }> {
  let skipped = 0;
  const wantPeople = new Set<string>();
  const wantDepts = new Set<string>();
  const rawOf = (r: number, c: number, f: FieldDto): unknown => (BY_ID.has(f.type) ? internal?.values[r]?.[c] : undefined);
  block.forEach((row, r) =>
    row.forEach((text, c) => {
      const f = columns[c];
      if (!f || rawOf(r, c, f) !== undefined) return;
      if (f.type === 'person') splitNames(text).forEach((n) => wantPeople.add(n));
      if (f.type === 'department') splitNames(text).forEach((n) => wantDepts.add(n));
    }),
  );
  const [people, depts] = await Promise.all([
    wantPeople.size ? resolvers.people([...wantPeople]) : new Map<string, Ref>(),
    wantDepts.size ? resolvers.departments([...wantDepts]) : new Map<string, Ref>(),
  ]);
  const rows = block.map((row, r) =>
    row.map((text, c): unknown => {
      const f = columns[c];
      if (!f || !fieldTypeDefs[f.type].writable) return SKIP;
      const raw = rawOf(r, c, f);
      if (raw !== undefined) return raw;
      if (text.trim() === '') return null;
      switch (f.type) {
        case 'link':
        case 'attachment':
          skipped++;
          return SKIP;
        case 'person':
        case 'department': {
          const found = splitNames(text).map((n) => (f.type === 'person' ? people : depts).get(n));
          if (found.some((x) => !x)) {
            skipped++;
            return SKIP;
          }
          return found;
        }
        default:
          return text;
      }
    }),
  );
  return { rows, skipped };
}
