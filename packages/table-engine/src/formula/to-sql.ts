import { assertNever } from './ast.ts';
import type { SqlContext } from './context.ts';
import { CONVERSIONS } from './conversions.ts';
import type { FunctionDef } from './function-def.ts';
import { FUNCTIONS } from './functions.ts';
import { OPERATORS } from './operators.ts';
import type { FormulaType, TypedNode } from './types.ts';

export interface SqlCompileOptions {
  /** An already-quoted SQL expression for a field's value, of the SQL type matching its formula type (see README). */
  readonly column: (fieldId: string) => string;
  /** Binds a value and returns its placeholder (`$3`); every user literal goes through here. */
  readonly param: (value: string | number | boolean) => string;
  /** IANA zone for TODAY(), YEAR(), date text … (bound as a parameter). */
  readonly timeZone: string;
  /** The current time, bound as a parameter so SQL and previews agree; omitted means the statement's `now()`. */
  readonly now?: Date;
}

const SQL_TYPES: Record<FormulaType, string | undefined> = {
  number: 'float8',
  text: 'text',
  boolean: 'boolean',
  date: 'timestamptz',
  'number[]': 'float8[]',
  'text[]': 'text[]',
  'boolean[]': 'boolean[]',
  'date[]': 'timestamptz[]',
  unknown: undefined,
};
const ZERO_SQL: Partial<Record<FormulaType, string>> = { number: '0', text: "''", boolean: 'false' };

/**
 * Compiles a checked formula to one PostgreSQL expression (works on PGlite too). Numbers are float8, dates timestamptz;
 * errors such as division by zero become NULL.
 * @example
 * const params: unknown[] = [];
 * const expr = compileToSql(checked.ast, { column: (id) => `"t"."f_${id}"`, param: (v) => `$${params.push(v)}`, timeZone: 'Asia/Shanghai' });
 * await db.query(`select ${expr} from t`, params);
 */
export function compileToSql(ast: TypedNode, options: SqlCompileOptions): string {
  const once = (make: () => string): (() => string) => {
    let sql: string | undefined;
    return () => (sql ??= make());
  };
  const ctx: SqlContext = {
    tz: once(() => `(${options.param(options.timeZone)}::text)`),
    now: once(() => (options.now ? `(${options.param(options.now.toISOString())}::timestamptz)` : 'now()')),
    text: (value) => `(${options.param(value)}::text)`,
  };

  const compile = (node: TypedNode): string => {
    switch (node.kind) {
      case 'literal': {
        const type = typeof node.value === 'number' ? 'float8' : typeof node.value === 'boolean' ? 'boolean' : 'text';
        return `(${options.param(node.value)}::${type})`;
      }
      case 'field': {
        const type = SQL_TYPES[node.type];
        return type ? `((${options.column(node.fieldId)})::${type})` : `(${options.column(node.fieldId)})`;
      }
      case 'convert':
        return CONVERSIONS[node.conversion].sql(compile(node.arg), node.arg.type, ctx);
      case 'blankDefault':
        return `coalesce(${compile(node.arg)}, ${ZERO_SQL[node.type] ?? 'NULL'})`;
      case 'negate':
        return `(- ${compile(node.arg)})`;
      case 'binary':
        return OPERATORS[node.op].sql(compile(node.left), compile(node.right), node.operandType);
      case 'call': {
        const def: FunctionDef = FUNCTIONS[node.name];
        // Literal parameters (units, formats) are read at compile time; binding them unused would leave untyped parameters.
        const args = node.args.map((a, i) => (def.params[Math.min(i, def.params.length - 1)]?.type === 'literal' ? '' : compile(a)));
        return def.sql(args, ctx, node.args);
      }
      default:
        return assertNever(node);
    }
  };
  return compile(ast);
}
