import type { BinaryOperator } from './ast.ts';
import type { ScalarType } from './types.ts';
import { compareScalars, errorValue, isError, isNullish, type Scalar, type Value } from './values.ts';

/**
 * SQL propagates NULL through strict operators and functions; the JS side does the same with blanks and errors.
 * Returns the value to give back (an error wins over a blank) or undefined when every argument is present.
 */
export function strictBlank(values: readonly Value[]): Value | undefined {
  let blank = false;
  for (const v of values) {
    if (isError(v)) return v;
    if (v === null) blank = true;
  }
  return blank ? null : undefined;
}

interface OperatorDef {
  /** Operands are already converted to the operand type and are neither blank nor errors. */
  readonly evaluate: (a: Scalar, b: Scalar, type: ScalarType) => Value;
  readonly sql: (a: string, b: string, type: ScalarType) => string;
}

const compare = (op: string, test: (d: number) => boolean): OperatorDef => ({
  evaluate: (a, b, type) => test(compareScalars(a, b, type)),
  // Deterministic code-point order whatever the database's default collation is.
  sql: (a, b, type) => `(${a} ${op} ${b}${type === 'text' && op !== '=' && op !== '<>' ? ' COLLATE "C"' : ''})`,
});

export const OPERATORS = {
  '+': { evaluate: (a, b) => (a as number) + (b as number), sql: (a, b) => `(${a} + ${b})` },
  '-': { evaluate: (a, b) => (a as number) - (b as number), sql: (a, b) => `(${a} - ${b})` },
  '*': { evaluate: (a, b) => (a as number) * (b as number), sql: (a, b) => `(${a} * ${b})` },
  '/': { evaluate: (a, b) => (b === 0 ? errorValue('#DIV/0!') : (a as number) / (b as number)), sql: (a, b) => `(${a} / nullif(${b}, 0))` },
  // Remainder with the dividend's sign, computed the same way on both sides so floating-point results match.
  '%': { evaluate: (a, b) => remainder(a as number, b as number), sql: (a, b) => remainderSql(a, b) },
  '&': { evaluate: (a, b) => (a as string) + (b as string), sql: (a, b) => `(${a} || ${b})` },
  '=': compare('=', (d) => d === 0),
  '!=': compare('<>', (d) => d !== 0),
  '<': compare('<', (d) => d < 0),
  '<=': compare('<=', (d) => d <= 0),
  '>': compare('>', (d) => d > 0),
  '>=': compare('>=', (d) => d >= 0),
} as const satisfies Record<BinaryOperator, OperatorDef>;

export function remainder(a: number, b: number): Value {
  return b === 0 ? errorValue('#DIV/0!') : a - b * Math.trunc(a / b);
}
export const remainderSql = (a: string, b: string): string => `(${a} - ${b} * trunc(${a} / nullif(${b}, 0)))`;

export function evaluateOperator(op: BinaryOperator, a: Value, b: Value, type: ScalarType): Value {
  const blank = strictBlank([a, b]);
  if (blank !== undefined) return blank;
  if (isNullish(a) || isNullish(b)) return null; // unreachable; narrows the types
  const def: OperatorDef = OPERATORS[op];
  return def.evaluate(a as Scalar, b as Scalar, type);
}
