/**
 * Formulas: parse → check (types, fields) → evaluate in JS (previews) or compile to PostgreSQL (queries).
 * The two back ends agree on every value except that SQL shows errors (#DIV/0! …) as NULL.
 */
import type { FormulaError, Result } from './ast.ts';
import { checkFormula, type CheckedFormula, type CheckOptions } from './check.ts';
import { parseFormula } from './parser.ts';

// Root-level names carry a Formula prefix where a bare name (Value, Result, isError) would be ambiguous in the package.
export {
  fx,
  fieldNamesIn,
  binaryOperators as formulaOperators,
  type BinaryOperator as FormulaOperator,
  type FormulaNode,
  type FormulaError,
  type FormulaMessage,
  type Result as FormulaResult,
} from './ast.ts';
export { parseFormula } from './parser.ts';
export { checkFormula, type CheckOptions as FormulaCheckOptions, type CheckedFormula } from './check.ts';
export { evaluateFormula, readField as readFormulaField, type FormulaRecord } from './evaluate.ts';
export { compileToSql, type SqlCompileOptions } from './to-sql.ts';
export { FUNCTIONS as FORMULA_FUNCTIONS } from './functions.ts';
export type { FunctionDef as FormulaFunctionDef, FunctionCategory as FormulaFunctionCategory, ParamSpec as FormulaParamSpec } from './function-def.ts';
export type { EvalContext as FormulaEvalContext } from './context.ts';
export {
  displayValue as displayFormulaValue,
  isError as isFormulaErrorValue,
  errorCodes as formulaErrorCodes,
  type ErrorCode as FormulaErrorCode,
  type ErrorValue as FormulaErrorValue,
  type Value as FormulaValue,
  type Scalar as FormulaScalar,
} from './values.ts';
export {
  functionNames as formulaFunctionNames,
  formulaTypeOfField,
  type FunctionName as FormulaFunctionName,
  type FormulaType,
  type ScalarType as FormulaScalarType,
  type TypedNode as TypedFormulaNode,
  type ComputedTypeResolver,
} from './types.ts';

/**
 * Parses and checks formula text in one step; all problems come back with source positions and en/zh messages.
 * @example
 * const r = analyzeFormula('IF({金额} > 1000, "大单", "小单")', { fields: (name) => byName.get(name), selfFieldId: 'fldF' });
 * if (r.ok) evaluateFormula(r.value.ast, record, { now, timeZone: 'Asia/Shanghai' });
 */
export function analyzeFormula(source: string, options: CheckOptions): Result<CheckedFormula, readonly FormulaError[]> {
  const parsed = parseFormula(source);
  return parsed.ok ? checkFormula(parsed.value, options) : { ok: false, error: [parsed.error] };
}
