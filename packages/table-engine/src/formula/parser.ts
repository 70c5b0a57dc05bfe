import { fx, formulaError, type BinaryOperator, type FormulaError, type FormulaNode, type Result } from './ast.ts';
import { shownAt, tokenize, type Token } from './lexer.ts';

/** Binding powers, loosest first, as in Excel: comparison < & < + - < * / % < unary minus. */
const INFIX: Partial<Record<string, number>> = {
  '=': 10,
  '!=': 10,
  '<': 10,
  '<=': 10,
  '>': 10,
  '>=': 10,
  '&': 20,
  '+': 30,
  '-': 30,
  '*': 40,
  '/': 40,
  '%': 40,
};
const PREFIX = 50;
/** Deep enough for any hand-written formula, shallow enough that recursion cannot overflow the stack. */
const MAX_DEPTH = 100;

/** Thrown only inside this module, to unwind the recursive descent; `parseFormula` turns it into a value. */
class ParseFailure {
  constructor(readonly error: FormulaError) {}
}

/**
 * Parses Feishu/Airtable-style formula text into an untyped tree.
 * @example parseFormula('IF({金额} > 1000, "大单", "小单")')
 */
export function parseFormula(source: string): Result<FormulaNode, FormulaError> {
  const lexed = tokenize(source);
  if (!lexed.ok) return lexed;
  const tokens = lexed.value;
  if (tokens.length === 1) return { ok: false, error: formulaError('formula.empty', 'The formula is empty', '公式为空', { start: 0, end: 0 }) };
  let pos = 0;
  let depth = 0;

  const peek = (): Token => tokens[pos] ?? tokens[tokens.length - 1]!;
  const next = (): Token => {
    const t = peek();
    if (t.kind !== 'eof') pos++;
    return t;
  };
  const fail = (code: string, en: string, zh: string, t: Token): never => {
    throw new ParseFailure(formulaError(code, en, zh, t));
  };
  const unexpected = (t: Token): never =>
    t.kind === 'eof'
      ? fail('formula.unexpected_end', 'The formula ends too early: a value is missing at the end', '公式不完整：末尾缺少一个值', t)
      : fail('formula.unexpected_token', `Unexpected ${describe(t)} at ${shownAt(t.start)}`, `第 ${shownAt(t.start)} 个字符处不应出现 ${describe(t)}`, t);
  const expect = (kind: ')' | '(', t = peek()): Token => {
    if (t.kind === kind) return next();
    if (t.kind === 'eof') return fail('formula.expected', `Expected ${kind} at the end of the formula`, `公式末尾缺少 ${kind}`, t);
    return fail('formula.expected', `Expected ${kind} at ${shownAt(t.start)}`, `第 ${shownAt(t.start)} 个字符处应为 ${kind}`, t);
  };

  const expression = (minPower: number): FormulaNode => {
    if (++depth > MAX_DEPTH) fail('formula.too_deep', 'The formula is nested too deeply', '公式嵌套层数过多', peek());
    let left = prefix();
    for (;;) {
      const t = peek();
      const power = t.kind === 'op' ? INFIX[t.text] : undefined;
      if (power === undefined || power <= minPower) break;
      next();
      left = fx.binary(t.text as BinaryOperator, left, expression(power));
    }
    depth--;
    return left;
  };

  const prefix = (): FormulaNode => {
    const t = next();
    switch (t.kind) {
      case 'number': {
        const value = t.value ?? Number(t.text);
        if (!Number.isFinite(value))
          fail('formula.number_too_large', `Number too large at ${shownAt(t.start)}`, `第 ${shownAt(t.start)} 个字符处的数字过大`, t);
        return fx.number(value, t.start, t.end);
      }
      case 'string':
        return fx.text(t.text, t.start, t.end);
      case 'field':
        return fx.field(t.text, t.start, t.end);
      case '(': {
        const inner = expression(0);
        const close = expect(')');
        return { ...inner, start: t.start, end: close.end };
      }
      case 'op':
        if (t.text === '-') return fx.negate(expression(PREFIX), t.start);
        if (t.text === '+') return expression(PREFIX);
        return unexpected(t);
      case 'ident':
        return identifier(t);
      case ')':
      case ',':
      case 'eof':
        return unexpected(t);
    }
  };

  const identifier = (t: Token): FormulaNode => {
    const upper = t.text.toUpperCase();
    if (peek().kind === '(') {
      next();
      const args: FormulaNode[] = [];
      if (peek().kind !== ')') {
        do args.push(expression(0));
        while (peek().kind === ',' && next());
      }
      const close = expect(')');
      if ((upper === 'TRUE' || upper === 'FALSE') && args.length === 0) return fx.boolean(upper === 'TRUE', t.start, close.end);
      return fx.call(upper, args, t.start, close.end);
    }
    if (upper === 'TRUE' || upper === 'FALSE') return fx.boolean(upper === 'TRUE', t.start, t.end);
    return fail(
      'formula.bare_name',
      `Unknown name ${t.text} at ${shownAt(t.start)}; write field references in braces, like {${t.text}}`,
      `第 ${shownAt(t.start)} 个字符处无法识别 ${t.text}；引用字段请加花括号，如 {${t.text}}`,
      t,
    );
  };

  try {
    const node = expression(0);
    const rest = peek();
    if (rest.kind !== 'eof') unexpected(rest);
    return { ok: true, value: node };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    throw e;
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'string':
      return JSON.stringify(t.text);
    case 'field':
      return `{${t.text}}`;
    default:
      return t.text;
  }
}
