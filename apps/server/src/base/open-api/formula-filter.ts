import type { FieldMeta, FilterNode, FilterOperator } from '@concord/table-engine';
import { FEISHU, feishuError } from './feishu-errors.ts';
import { toFilterTree } from './filter-mapping.ts';

/**
 * The legacy `GET …/records?filter=` formula language, the common subset: `CurrentValue.[Field]` compared with
 * `= != <> > < >= <=` to a string, number, `TODAY()`, `TRUE()`/`FALSE()`; `.contains("x")`; `AND(…)`, `OR(…)`,
 * `NOT(…)`, `&&`, `||` and parentheses. Each comparison goes through the search filter mapping, so the per-type
 * rules are the same as `records/search`.
 */
type Token = { kind: 'field' | 'string' | 'number' | 'word' | 'op'; text: string };

const invalid = (why: string) => feishuError(FEISHU.InvalidFilter, 'InvalidFilter', { en: `filter formula: ${why}`, zh: `筛选公式：${why}` });

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const field = /^CurrentValue\.\[([^\]]*)\]/i.exec(rest);
    const str = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
    const num = /^-?\d+(?:\.\d+)?/.exec(rest);
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    const op = /^(?:&&|\|\||!=|<>|>=|<=|=|>|<|\(|\)|,|\.)/.exec(rest);
    const m = field ?? str ?? num ?? word ?? op;
    if (!m) throw invalid(`unexpected ${JSON.stringify(rest.slice(0, 10))}`);
    if (field) out.push({ kind: 'field', text: field[1]! });
    else if (str) out.push({ kind: 'string', text: str[1]!.replace(/\\(.)/g, '$1') });
    else if (num) out.push({ kind: 'number', text: num[0] });
    else if (word) out.push({ kind: 'word', text: word[0].toUpperCase() });
    else out.push({ kind: 'op', text: m[0] });
    i += m[0].length;
  }
  return out;
}

const NEGATED: Record<FilterOperator, FilterOperator> = {
  is: 'isNot',
  isNot: 'is',
  contains: 'doesNotContain',
  doesNotContain: 'contains',
  isEmpty: 'isNotEmpty',
  isNotEmpty: 'isEmpty',
  isGreater: 'isLessEqual',
  isLessEqual: 'isGreater',
  isGreaterEqual: 'isLess',
  isLess: 'isGreaterEqual',
};

/** NOT pushed down to the conditions (De Morgan), since the tree has no negation node. */
function negate(node: FilterNode): FilterNode {
  if (node.kind === 'condition') return { ...node, operator: NEGATED[node.operator] };
  return { kind: 'group', conjunction: node.conjunction === 'and' ? 'or' : 'and', children: node.children.map(negate) };
}

const COMPARE: Record<string, FilterOperator> = {
  '=': 'is',
  '!=': 'isNot',
  '<>': 'isNot',
  '>': 'isGreater',
  '<': 'isLess',
  '>=': 'isGreaterEqual',
  '<=': 'isLessEqual',
};
const MIRROR: Record<string, string> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=' };

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly fields: ReadonlyMap<string, FieldMeta>,
  ) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.pos < this.tokens.length) throw invalid(`unexpected ${JSON.stringify(this.tokens[this.pos]!.text)}`);
    return node;
  }

  private peek(text?: string): Token | undefined {
    const t = this.tokens[this.pos];
    return text === undefined || t?.text === text ? t : undefined;
  }
  private take(text?: string): Token {
    const t = this.tokens[this.pos];
    if (!t || (text !== undefined && t.text !== text)) throw invalid(`expected ${text ?? 'more'} at ${JSON.stringify(t?.text ?? 'end')}`);
    this.pos++;
    return t;
  }

  private or(): FilterNode {
    const parts = [this.and()];
    while (this.peek('||')) {
      this.take();
      parts.push(this.and());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'group', conjunction: 'or', children: parts };
  }
  private and(): FilterNode {
    const parts = [this.unary()];
    while (this.peek('&&')) {
      this.take();
      parts.push(this.unary());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'group', conjunction: 'and', children: parts };
  }
  private unary(): FilterNode {
    const t = this.peek();
    if (t?.kind === 'word' && ['AND', 'OR', 'NOT'].includes(t.text) && this.tokens[this.pos + 1]?.text === '(') {
      this.take();
      this.take('(');
      const args = [this.or()];
      while (this.peek(',')) {
        this.take();
        args.push(this.or());
      }
      this.take(')');
      if (t.text === 'NOT') {
        if (args.length !== 1) throw invalid('NOT takes one argument');
        return negate(args[0]!);
      }
      return { kind: 'group', conjunction: t.text === 'AND' ? 'and' : 'or', children: args };
    }
    if (t?.text === '(') {
      this.take();
      const inner = this.or();
      this.take(')');
      return inner;
    }
    return this.comparison();
  }

  /** A literal: its filter values, `[]` for "" (emptiness). */
  private value(): string[] {
    const t = this.take();
    if (t.kind === 'string') return t.text === '' ? [] : [t.text];
    if (t.kind === 'number') return [t.text];
    if (t.kind === 'word' && ['TODAY', 'TRUE', 'FALSE'].includes(t.text)) {
      if (this.peek('(')) {
        this.take('(');
        this.take(')');
      }
      return [t.text === 'TODAY' ? 'Today' : t.text.toLowerCase()];
    }
    throw invalid(`unexpected ${JSON.stringify(t.text)}`);
  }

  private comparison(): FilterNode {
    let name: string;
    let op: string;
    let values: string[];
    if (this.peek()?.kind === 'field') {
      name = this.take().text;
      if (this.peek('.')) {
        this.take('.');
        if (this.take().text !== 'CONTAINS') throw invalid('only .contains() is supported on a field');
        this.take('(');
        const v = this.value();
        this.take(')');
        return this.leaf(name, 'contains', v);
      }
      op = this.take().text;
      values = this.value();
    } else {
      values = this.value();
      const written = this.take().text;
      op = MIRROR[written] ?? written;
      const f = this.take();
      if (f.kind !== 'field') throw invalid('a comparison needs a CurrentValue.[field]');
      name = f.text;
    }
    const operator = COMPARE[op];
    if (!operator) throw invalid(`unknown operator ${JSON.stringify(op)}`);
    if (values.length === 0 && (operator === 'is' || operator === 'isNot')) return this.leaf(name, operator === 'is' ? 'isEmpty' : 'isNotEmpty', []);
    return this.leaf(name, operator, values);
  }

  private leaf(name: string, operator: FilterOperator, values: string[]): FilterNode {
    const field = this.fields.get(name);
    const isDate = field && (field.type === 'date' || field.type === 'createdTime' || field.type === 'modifiedTime');
    // Dates compare with TODAY() or a millisecond timestamp; checkboxes with TRUE()/1.
    let v = values;
    if (isDate && values[0] !== undefined && values[0] !== 'Today') v = ['ExactDate', values[0]];
    if (field?.type === 'checkbox' && (values[0] === '1' || values[0] === '0')) v = [values[0] === '1' ? 'true' : 'false'];
    const tree = toFilterTree({ conjunction: 'and', conditions: [{ field_name: name, operator, value: v }] }, this.fields);
    if (!tree || tree.kind !== 'group' || tree.children.length !== 1) throw invalid(`cannot read the condition on ${name}`);
    return tree.children[0]!;
  }
}

/**
 * A legacy formula filter as a Concord filter tree.
 * @example formulaToFilter('AND(CurrentValue.[阶段]="赢单", CurrentValue.[金额]>10000)', table.byName)
 */
export function formulaToFilter(formula: string, fields: ReadonlyMap<string, FieldMeta>): FilterNode {
  return new Parser(tokenize(formula), fields).parse();
}
