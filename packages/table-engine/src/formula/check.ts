import type { FieldMeta } from '../field-types.ts';
import { assertNever, formulaError, type BinaryOperator, type FormulaError, type FormulaNode, type Result } from './ast.ts';
import { conversionFor } from './conversions.ts';
import type { BlankRule, Coercer, FunctionDef, ParamSpec } from './function-def.ts';
import { FUNCTIONS } from './functions.ts';
import { argumentProblem, arityProblem, operandProblem } from './messages.ts';
import { formulaTypeOfField, isArrayType, isFunctionName, type ComputedTypeResolver, type FormulaType, type ScalarType, type TypedNode } from './types.ts';

export interface CheckOptions {
  /** Finds a field of the table by its visible name. */
  readonly fields: (name: string) => FieldMeta | undefined;
  /** The formula field's own id: referring to it is a circular reference. */
  readonly selfFieldId?: string;
  /** Types of lookup, rollup and formula fields; `unknown` when omitted. */
  readonly resolveType?: ComputedTypeResolver;
}

export interface CheckedFormula {
  readonly ast: TypedNode;
  readonly type: FormulaType;
  /** Whether the result may be blank. */
  readonly nullable: boolean;
  /** Ids of the fields the formula reads, without duplicates. */
  readonly fieldIds: readonly string[];
}

const ARITHMETIC: readonly BinaryOperator[] = ['+', '-', '*', '/', '%'];
const ZERO_OF: Partial<Record<FormulaType, true>> = { number: true, text: true, boolean: true };

/**
 * Resolves field names and types every node, inserting the implicit conversions (number & text → text, blank → 0 …).
 * @example checkFormula(parsed, { fields: (name) => byName.get(name), selfFieldId: 'fld9' })
 */
export function checkFormula(root: FormulaNode, options: CheckOptions): Result<CheckedFormula, readonly FormulaError[]> {
  const errors: FormulaError[] = [];
  const fieldIds = new Set<string>();

  /** Converts to a target type, then (for `default`) turns blanks into that type's zero. */
  const to = (node: TypedNode, target: FormulaType, blank: BlankRule): TypedNode | undefined => {
    let out = node;
    if (node.type !== target) {
      const conversion = isArrayType(target) || target === 'unknown' ? undefined : conversionFor(node.type, target);
      if (!conversion) return undefined;
      const mayEmpty = conversion === 'arrayToText' || conversion === 'unknownToText';
      out = { kind: 'convert', conversion, arg: node, type: target, nullable: node.nullable || mayEmpty, start: node.start, end: node.end };
    }
    if (blank === 'default' && out.nullable && ZERO_OF[out.type])
      out = { kind: 'blankDefault', arg: out, type: out.type, nullable: false, start: out.start, end: out.end };
    return out;
  };

  const coercerFor = (fn: string): Coercer => ({
    common: commonType,
    to: (node, type, blank, index) => to(node, type, blank) ?? argumentProblem(fn, index, type, node),
  });

  const visit = (node: FormulaNode): TypedNode | undefined => {
    const span = { start: node.start, end: node.end };
    switch (node.kind) {
      case 'number':
        return { kind: 'literal', value: node.value, type: 'number', nullable: false, ...span };
      case 'text':
        return { kind: 'literal', value: node.value, type: 'text', nullable: false, ...span };
      case 'boolean':
        return { kind: 'literal', value: node.value, type: 'boolean', nullable: false, ...span };
      case 'field': {
        const field = options.fields(node.name) ?? options.fields(node.name.trim());
        if (!field) return void errors.push(formulaError('formula.unknown_field', `Unknown field {${node.name}}`, `未知字段 {${node.name}}`, node));
        if (field.id === options.selfFieldId) {
          return void errors.push(
            formulaError(
              'formula.circular_reference',
              `Circular reference: {${node.name}} is this formula's own field`,
              `循环引用：{${node.name}} 是公式自身所在的字段`,
              node,
            ),
          );
        }
        fieldIds.add(field.id);
        return { kind: 'field', fieldId: field.id, name: field.name, type: formulaTypeOfField(field, options.resolveType), nullable: true, ...span };
      }
      case 'negate': {
        const arg = visit(node.arg);
        if (!arg) return undefined;
        const operand = to(arg, 'number', 'default');
        if (!operand) return void errors.push(operandProblem('-', 'number', arg));
        return { kind: 'negate', arg: operand, type: 'number', nullable: false, ...span };
      }
      case 'binary': {
        const [left, right] = [visit(node.left), visit(node.right)];
        if (!left || !right) return undefined;
        const operandType: ScalarType = ARITHMETIC.includes(node.op)
          ? 'number'
          : node.op === '&'
            ? 'text'
            : (commonType([left, right], 'compare') as ScalarType);
        // Blank dates have no zero, so comparing one gives blank rather than a guess.
        const blank: BlankRule = operandType === 'date' ? 'keep' : 'default';
        const [l, r] = [to(left, operandType, blank), to(right, operandType, blank)];
        if (!l) return void errors.push(operandProblem(node.op, operandType, left));
        if (!r) return void errors.push(operandProblem(node.op, operandType, right));
        const type = ARITHMETIC.includes(node.op) ? 'number' : node.op === '&' ? 'text' : 'boolean';
        return { kind: 'binary', op: node.op, operandType, left: l, right: r, type, nullable: l.nullable || r.nullable, ...span };
      }
      case 'call':
        return visitCall(node.name, node.args, span);
      default:
        return assertNever(node);
    }
  };

  const visitCall = (name: string, rawArgs: readonly FormulaNode[], span: { start: number; end: number }): TypedNode | undefined => {
    if (!isFunctionName(name)) return void errors.push(formulaError('formula.unknown_function', `Unknown function ${name}`, `未知函数 ${name}`, span));
    const def: FunctionDef = FUNCTIONS[name];
    if (rawArgs.length < def.arity.min || rawArgs.length > def.arity.max) return void errors.push(arityProblem(name, def.arity, span));
    const typed = rawArgs.map(visit);
    if (typed.some((a) => a === undefined)) return undefined;
    const args = typed as TypedNode[];
    let coerced: readonly TypedNode[];
    if (def.coerce) {
      const out = def.coerce(args, coercerFor(name));
      if ('code' in out) return void errors.push(out);
      coerced = out;
    } else {
      const out: TypedNode[] = [];
      for (const [i, arg] of args.entries()) {
        const spec = def.params[Math.min(i, def.params.length - 1)];
        const converted = spec ? coerceParam(arg, spec, rawArgs[i]) : arg;
        if (!converted) return void errors.push(argumentProblem(name, i, spec, arg));
        out.push(converted);
      }
      coerced = out;
    }
    return { kind: 'call', name, args: coerced, ...def.result(coerced), ...span };
  };

  const coerceParam = (arg: TypedNode, spec: ParamSpec, raw: FormulaNode | undefined): TypedNode | undefined => {
    switch (spec.type) {
      case 'any':
        return arg;
      case 'numbers':
        return arg.type === 'number[]' ? arg : to(arg, 'number', spec.blank);
      case 'literal': {
        if (raw?.kind !== 'text') return undefined;
        if (!spec.choices) return arg;
        const value = raw.value.trim().toLowerCase();
        return spec.choices.includes(value) && arg.kind === 'literal' ? { ...arg, value } : undefined;
      }
      default:
        return to(arg, spec.type, spec.blank);
    }
  };

  const ast = visit(root);
  if (!ast || errors.length > 0) return { ok: false, error: errors };
  return { ok: true, value: { ast, type: ast.type, nullable: ast.nullable, fieldIds: [...fieldIds] } };
}

/**
 * One type a group of values can share: the same type if they agree (unknown takes the other's type),
 * number for numbers with true/false, text otherwise. Comparisons always use a scalar type.
 */
function commonType(nodes: readonly TypedNode[], purpose: 'compare' | 'result'): FormulaType {
  const types = nodes.map((n) => n.type);
  const known = [...new Set(types.filter((t) => t !== 'unknown'))];
  const [only] = known;
  if (only === undefined) return purpose === 'compare' ? 'text' : 'unknown';
  if (known.length === 1) {
    const hasUnknown = types.includes('unknown');
    if (isArrayType(only)) return purpose === 'compare' || hasUnknown ? 'text' : only;
    return hasUnknown && only === 'date' ? 'text' : only;
  }
  if (known.every((t) => t === 'number' || t === 'boolean')) return 'number';
  return 'text';
}
