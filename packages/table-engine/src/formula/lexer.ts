import { formulaError, type FormulaError, type Result } from './ast.ts';

export type TokenKind = 'number' | 'string' | 'field' | 'ident' | 'op' | '(' | ')' | ',' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Operator symbol (normalized: `<>` → `!=`, `==` → `=`), identifier as written, or the decoded string / field name. */
  readonly text: string;
  readonly value?: number;
  readonly start: number;
  readonly end: number;
}

const OPERATORS = ['<>', '!=', '<=', '>=', '==', '+', '-', '*', '/', '%', '&', '=', '<', '>'] as const;
const NORMALIZED: Partial<Record<string, string>> = { '<>': '!=', '==': '=' };
/** Chinese input methods type full-width punctuation; accept it outside strings rather than fail on an invisible difference. */
const PUNCTUATION: Partial<Record<string, '(' | ')' | ','>> = { '(': '(', ')': ')', ',': ',', '（': '(', '）': ')', '，': ',' };
/** Opening quote → closing quote; curly quotes come from Chinese IMEs and word processors. */
const QUOTES: Partial<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’' };
const ESCAPES: Partial<Record<string, string>> = { n: '\n', t: '\t', r: '\r' };

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const IDENT = /^[\p{L}_][\p{L}\p{N}_]*/u;

/** 1-based character position for messages ("at 12"); ranges stay 0-based. */
export const shownAt = (offset: number): number => offset + 1;

/** Splits a formula into tokens; the last token is always `eof`. */
export function tokenize(source: string): Result<Token[], FormulaError> {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    const punct = PUNCTUATION[ch];
    if (punct) {
      tokens.push({ kind: punct, text: punct, start, end: ++i });
      continue;
    }
    const close = QUOTES[ch];
    if (close !== undefined) {
      const read = readQuoted(source, i + 1, close);
      if (!read) {
        return fail(
          'formula.unclosed_text',
          `Text starting at ${shownAt(start)} is missing its closing ${close}`,
          `第 ${shownAt(start)} 个字符处开始的文本缺少结尾的 ${close}`,
          start,
          source.length,
        );
      }
      tokens.push({ kind: 'string', text: read.text, start, end: read.end });
      i = read.end;
      continue;
    }
    if (ch === '{') {
      const read = readQuoted(source, i + 1, '}');
      if (!read)
        return fail(
          'formula.unclosed_field',
          `Field reference starting at ${shownAt(start)} is missing }`,
          `第 ${shownAt(start)} 个字符处开始的字段引用缺少 }`,
          start,
          source.length,
        );
      if (read.text.trim() === '')
        return fail('formula.empty_field', `Empty field reference at ${shownAt(start)}`, `第 ${shownAt(start)} 个字符处的字段引用为空`, start, read.end);
      tokens.push({ kind: 'field', text: read.text, start, end: read.end });
      i = read.end;
      continue;
    }
    const rest = source.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ kind: 'number', text: num[0], value: Number(num[0]), start, end: (i += num[0].length) });
      continue;
    }
    const ident = IDENT.exec(rest);
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], start, end: (i += ident[0].length) });
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (op) {
      tokens.push({ kind: 'op', text: NORMALIZED[op] ?? op, start, end: (i += op.length) });
      continue;
    }
    const shown = String.fromCodePoint(source.codePointAt(i) ?? 0);
    return fail(
      'formula.unexpected_character',
      `Unexpected character ${shown} at ${shownAt(start)}`,
      `第 ${shownAt(start)} 个字符处有无法识别的字符 ${shown}`,
      start,
      start + shown.length,
    );
  }
  tokens.push({ kind: 'eof', text: '', start: source.length, end: source.length });
  return { ok: true, value: tokens };
}

/** Reads up to `close`; backslash escapes the next character, and a doubled quote (Excel style) stands for itself. */
function readQuoted(source: string, from: number, close: string): { text: string; end: number } | undefined {
  let text = '';
  let i = from;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (ch === '\\' && i + 1 < source.length) {
      const next = source[i + 1] ?? '';
      text += ESCAPES[next] ?? next;
      i += 2;
    } else if (ch === close) {
      if (close !== '}' && source[i + 1] === close) {
        text += close;
        i += 2;
      } else {
        return { text, end: i + 1 };
      }
    } else {
      text += ch;
      i++;
    }
  }
  return undefined;
}

function fail(code: string, en: string, zh: string, start: number, end: number): Result<never, FormulaError> {
  return { ok: false, error: formulaError(code, en, zh, { start, end }) };
}
