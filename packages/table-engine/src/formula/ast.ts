/** The untyped tree the parser builds. Positions are UTF-16 offsets into the source, `end` exclusive (what editors use). */

export const binaryOperators = ['+', '-', '*', '/', '%', '&', '=', '!=', '<', '<=', '>', '>='] as const;
export type BinaryOperator = (typeof binaryOperators)[number];

interface Span {
  readonly start: number;
  readonly end: number;
}
export interface NumberNode extends Span {
  readonly kind: 'number';
  readonly value: number;
}
export interface TextNode extends Span {
  readonly kind: 'text';
  readonly value: string;
}
export interface BooleanNode extends Span {
  readonly kind: 'boolean';
  readonly value: boolean;
}
/** `{Field name}`: resolved to a field id by the type checker. */
export interface FieldRefNode extends Span {
  readonly kind: 'field';
  readonly name: string;
}
export interface NegateNode extends Span {
  readonly kind: 'negate';
  readonly arg: FormulaNode;
}
export interface BinaryNode extends Span {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: FormulaNode;
  readonly right: FormulaNode;
}
export interface CallNode extends Span {
  readonly kind: 'call';
  /** Upper-cased as written; the checker decides whether it is a known function. */
  readonly name: string;
  readonly args: readonly FormulaNode[];
}
export type FormulaNode = NumberNode | TextNode | BooleanNode | FieldRefNode | NegateNode | BinaryNode | CallNode;

/** Factories keep parser and test code short and the trees immutable. */
export const fx = {
  number: (value: number, start = 0, end = start): NumberNode => ({ kind: 'number', value, start, end }),
  text: (value: string, start = 0, end = start): TextNode => ({ kind: 'text', value, start, end }),
  boolean: (value: boolean, start = 0, end = start): BooleanNode => ({ kind: 'boolean', value, start, end }),
  field: (name: string, start = 0, end = start): FieldRefNode => ({ kind: 'field', name, start, end }),
  negate: (arg: FormulaNode, start = arg.start): NegateNode => ({ kind: 'negate', arg, start, end: arg.end }),
  binary: (op: BinaryOperator, left: FormulaNode, right: FormulaNode): BinaryNode => ({ kind: 'binary', op, left, right, start: left.start, end: right.end }),
  call: (name: string, args: readonly FormulaNode[], start = 0, end = start): CallNode => ({ kind: 'call', name: name.toUpperCase(), args, start, end }),
};

/** A message in both UI languages (same shape as LocalizedText in contracts). */
export interface FormulaMessage {
  readonly en: string;
  readonly zh: string;
}

/** A problem found while reading or checking a formula, pointing at the offending source range. */
export interface FormulaError {
  /** Stable code, e.g. `formula.unknown_field`. */
  readonly code: string;
  readonly message: FormulaMessage;
  readonly start: number;
  readonly end: number;
}

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function formulaError(code: string, en: string, zh: string, span: Span): FormulaError {
  return { code, message: { en, zh }, start: span.start, end: span.end };
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

/** Every field name a formula mentions, in source order (for dependency tracking and editor highlighting). */
export function fieldNamesIn(node: FormulaNode): string[] {
  switch (node.kind) {
    case 'number':
    case 'text':
    case 'boolean':
      return [];
    case 'field':
      return [node.name];
    case 'negate':
      return fieldNamesIn(node.arg);
    case 'binary':
      return [...fieldNamesIn(node.left), ...fieldNamesIn(node.right)];
    case 'call':
      return node.args.flatMap(fieldNamesIn);
    default:
      return assertNever(node);
  }
}
