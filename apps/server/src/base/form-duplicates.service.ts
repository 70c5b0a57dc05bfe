import type { DuplicateMatch } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { checkDuplicates, findMatches, inputTexts } from './duplicate.service.ts';
import { findForm } from './form.service.ts';
import { RateWindow } from '../platform/rate-window.ts';

/** Checks per address and form for people who may not read the table: plenty for typing a few forms, little for probing. */
const OUTSIDER_CHECKS = new RateWindow(120, 10 * 60_000);

export interface FormDuplicates {
  possible: boolean;
  matches: DuplicateMatch[];
  table: { baseId: string; tableId: string } | null;
}

/**
 * Likely duplicates of a form being filled in, by the form's own fields only. Someone who may read the table (signed
 * in, row rules applied) sees the matches like in the grid; anyone else only learns that a matching record may exist,
 * never its title, id or reasons.
 */
export async function checkFormDuplicates(deps: Deps, ctx: RequestContext, token: string, answers: Record<string, unknown>): Promise<FormDuplicates> {
  const { table, form } = await findForm(deps, ctx, token);
  const none: FormDuplicates = { possible: false, matches: [], table: null };
  if (!table.dedup) return none;
  const asked = new Set(form.fields.map((f) => f.fieldId));
  const fields = Object.fromEntries(Object.entries(answers).filter(([k]) => asked.has(k)));
  if (Object.keys(fields).length === 0) return none;
  if (ctx.actor?.kind === 'user') {
    const matches = await checkDuplicates(deps, ctx, table.id, fields).catch((err: unknown) => {
      // Not a reader of this table: fall through to the answer everyone gets.
      if (err instanceof AppError && (err.kind === 'forbidden' || err.kind === 'not_found')) return null;
      throw err;
    });
    if (matches) return { possible: matches.length > 0, matches, table: { baseId: table.baseId, tableId: table.id } };
  }
  // Outsiders learn only yes/no, but enough yes/no answers would tell them which phones or companies are customers.
  if (!OUTSIDER_CHECKS.take(`${ctx.ip}:${token}`, deps.clock.now())) {
    throw new AppError('rate_limited', 'base.form.too_many_checks', {
      en: 'Too many duplicate checks from this address; try again in a few minutes',
      zh: '查重请求过于频繁，请几分钟后再试',
    });
  }
  const matches = await findMatches(deps.db, table, await inputTexts(deps.db, table, fields, ctx.locale));
  return { possible: matches.length > 0, matches: [], table: null };
}
