import type { FunctionDef } from './function-def.ts';
import { dateFunctions } from './functions-date.ts';
import { listFunctions } from './functions-list.ts';
import { logicFunctions } from './functions-logic.ts';
import { mathFunctions } from './functions-math.ts';
import { textFunctions } from './functions-text.ts';
import type { FunctionName } from './types.ts';

/**
 * Every formula function: contract, type rule, JS implementation and SQL template, one entry each.
 * A name in `functionNames` without an entry here (or the reverse) does not compile.
 * @example FUNCTIONS.LEFT.signature // 'LEFT(text, [count])'
 */
export const FUNCTIONS = {
  ...mathFunctions,
  ...textFunctions,
  ...logicFunctions,
  ...dateFunctions,
  ...listFunctions,
} as const satisfies Record<FunctionName, FunctionDef>;

export function functionDef(name: FunctionName): FunctionDef {
  return FUNCTIONS[name];
}
