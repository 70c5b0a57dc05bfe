import type { FormulaError, FormulaMessage } from './ast.ts';
import type { EvalContext, SqlContext } from './context.ts';
import type { FormulaType, ScalarType, TypedNode } from './types.ts';
import type { Value } from './values.ts';

/**
 * What an argument must be. `numbers` takes a number or a list of numbers (SUM over a lookup);
 * `literal` must be quoted text written in the formula (units, formats), read at compile time.
 */
export type ParamType = ScalarType | 'numbers' | 'any' | 'literal';
/** `default`: a blank argument becomes 0, "" or FALSE before the call (Airtable's coercion); `keep`: the function sees blanks. */
export type BlankRule = 'default' | 'keep';

export interface ParamSpec {
  readonly type: ParamType;
  readonly blank: BlankRule;
  /** For `literal`: the accepted values, lower case; omitted means any text. */
  readonly choices?: readonly string[];
  /** For `literal`: shown in the error message when the argument is not quoted text. */
  readonly example?: string;
}

/** The checker's conversions, offered to functions whose argument types depend on each other (IF, SWITCH, IFERROR). */
export interface Coercer {
  /** One type all `nodes` can be brought to: for comparing them, or as alternative results. */
  common(nodes: readonly TypedNode[], purpose: 'compare' | 'result'): FormulaType;
  /** Converts `node` to `type` (arrays and unknown pass through unchanged when already of that type). */
  to(node: TypedNode, type: FormulaType, blank: BlankRule, argIndex: number): TypedNode | FormulaError;
}

export interface ResultType {
  readonly type: FormulaType;
  readonly nullable: boolean;
}

export type FunctionCategory = 'math' | 'text' | 'logic' | 'date' | 'list';

/** One formula function: its contract, type rule, JS implementation and SQL template. */
export interface FunctionDef {
  readonly category: FunctionCategory;
  /** How it is written, for help text: `LEFT(text, [count])`. */
  readonly signature: string;
  readonly description: FormulaMessage;
  readonly arity: { readonly min: number; readonly max: number };
  /** Parameter types in order; the last one repeats for variadic functions. Ignored when `coerce` is given. */
  readonly params: readonly ParamSpec[];
  /** Custom argument coercion for functions whose argument types depend on each other. */
  readonly coerce?: (args: readonly TypedNode[], c: Coercer) => readonly TypedNode[] | FormulaError;
  readonly result: (args: readonly TypedNode[]) => ResultType;
  /** A blank or error argument makes the result blank or that error, without calling `evaluate` (SQL's NULL in, NULL out). */
  readonly strict: boolean;
  readonly evaluate: (args: readonly Value[], ctx: EvalContext, nodes: readonly TypedNode[]) => Value;
  /** `args` are SQL expressions of the (converted) arguments; `literal` parameters arrive as '' and are read from `nodes`. */
  readonly sql: (args: readonly string[], ctx: SqlContext, nodes: readonly TypedNode[]) => string;
}

export const p = {
  number: (blank: BlankRule = 'default'): ParamSpec => ({ type: 'number', blank }),
  text: (blank: BlankRule = 'default'): ParamSpec => ({ type: 'text', blank }),
  boolean: (blank: BlankRule = 'default'): ParamSpec => ({ type: 'boolean', blank }),
  date: (): ParamSpec => ({ type: 'date', blank: 'keep' }),
  numbers: (blank: BlankRule = 'default'): ParamSpec => ({ type: 'numbers', blank }),
  any: (): ParamSpec => ({ type: 'any', blank: 'keep' }),
  literal: (example: string, choices?: readonly string[]): ParamSpec => ({ type: 'literal', blank: 'keep', example, ...(choices ? { choices } : {}) }),
};

export const returns =
  (type: FormulaType, nullable: boolean | 'ifArgs' = false) =>
  (args: readonly TypedNode[]): ResultType => ({ type, nullable: nullable === 'ifArgs' ? args.some((a) => a.nullable) : nullable });

/** The literal text of a `literal` argument (the checker guarantees it). */
export function literalOf(node: TypedNode | undefined): string {
  return node?.kind === 'literal' ? String(node.value) : '';
}

/** `n` truncated to an integer within [lo, hi]; NaN counts as above every number, as in PostgreSQL. */
export function clampInt(n: number, lo: number, hi: number): number {
  if (Number.isNaN(n) || n > hi) return hi;
  return n < lo ? lo : Math.trunc(n);
}
export const clampIntSql = (n: string, lo: number, hi: number): string =>
  `(CASE WHEN ${n} < ${lo} THEN ${lo} WHEN ${n} > ${hi} THEN ${hi} ELSE trunc(${n}) END)::int`;

/** A timestamptz read on the wall clock of the context's zone (a timestamp without time zone). */
export const localSql = (x: string, ctx: SqlContext): string => `(${x} at time zone ${ctx.tz()})`;

/** Builds a variadic SQL expression `(a op b op c)`. */
export const joinSql = (parts: readonly string[], op: string): string => `(${parts.join(` ${op} `)})`;
