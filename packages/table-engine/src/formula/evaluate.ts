import { assertNever } from './ast.ts';
import type { EvalContext } from './context.ts';
import { evaluateConversion } from './conversions.ts';
import type { FunctionDef } from './function-def.ts';
import { FUNCTIONS } from './functions.ts';
import { evaluateOperator, strictBlank } from './operators.ts';
import { elementType, isArrayType, type FormulaType, type ScalarType, type TypedNode } from './types.ts';
import { isNullish, numberToText, textToNumber, type Scalar, type Value } from './values.ts';

/** Cell values by field id, as the API returns them (dates as epoch ms, ISO text or Date; people and options as names or `{ name }`). */
export type FormulaRecord = Readonly<Record<string, unknown>>;

const ZERO: Partial<Record<FormulaType, Value>> = { number: 0, text: '', boolean: false };

/**
 * Computes a checked formula for one record. Never throws for bad data: division by zero gives `#DIV/0!`, and so on.
 * Agrees with `compileToSql` except that SQL shows every error as NULL.
 * @example evaluateFormula(checked.ast, { fld1: 3, fld2: 4 }, { now: new Date('2025-01-15T02:00:00Z'), timeZone: 'Asia/Shanghai' })
 */
export function evaluateFormula(node: TypedNode, record: FormulaRecord, ctx: EvalContext): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'field':
      return readField(record[node.fieldId], node.type);
    case 'convert':
      return evaluateConversion(node.conversion, evaluateFormula(node.arg, record, ctx), node.arg.type, ctx);
    case 'blankDefault': {
      const v = evaluateFormula(node.arg, record, ctx);
      return isNullish(v) ? (ZERO[node.type] ?? null) : v;
    }
    case 'negate': {
      const v = evaluateFormula(node.arg, record, ctx);
      return isNullish(v) ? v : -(v as number);
    }
    case 'binary':
      return evaluateOperator(node.op, evaluateFormula(node.left, record, ctx), evaluateFormula(node.right, record, ctx), node.operandType);
    case 'call': {
      const def: FunctionDef = FUNCTIONS[node.name];
      const args = node.args.map((a) => evaluateFormula(a, record, ctx));
      const blank = def.strict ? strictBlank(args) : undefined;
      return blank !== undefined ? blank : def.evaluate(args, ctx, node.args);
    }
    default:
      return assertNever(node);
  }
}

/** Reads a stored cell as a formula value of the field's formula type; anything unreadable is blank. */
export function readField(raw: unknown, type: FormulaType): Value {
  if (raw === null || raw === undefined) return null;
  if (isArrayType(type)) {
    const items = Array.isArray(raw) ? raw : [raw];
    return items.map((x) => readScalar(x, elementType(type)));
  }
  if (type === 'unknown') return readUnknown(raw);
  return readScalar(raw, type);
}

function readScalar(raw: unknown, type: ScalarType): Scalar | null {
  const v = nameOf(raw);
  if (v === null) return null;
  switch (type) {
    case 'text':
      return typeof v === 'number' ? numberToText(v) : v instanceof Date ? v.toISOString() : String(v);
    case 'number':
      if (typeof v === 'number') return Number.isFinite(v) ? v : null;
      if (typeof v === 'boolean') return v ? 1 : 0;
      return typeof v === 'string' ? textToNumber(v) : null;
    case 'boolean':
      return typeof v === 'boolean' ? v : typeof v === 'number' ? v !== 0 : v === 'true';
    case 'date': {
      const d = v instanceof Date ? v : typeof v === 'number' || typeof v === 'string' ? new Date(v) : null;
      return d && !Number.isNaN(d.getTime()) ? d : null;
    }
  }
}

function readUnknown(raw: unknown): Value {
  if (Array.isArray(raw)) return raw.map((x) => nameOf(x));
  return nameOf(raw);
}

/** Options, people and links may arrive as objects; their visible name is what formulas use. */
function nameOf(raw: unknown): Scalar | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    const name = o.name ?? o.text ?? o.title;
    if (typeof name === 'string') return name;
  }
  return null;
}
