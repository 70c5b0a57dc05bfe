/**
 * Quality of duplicate detection on hand-made customer pairs (apps/server/src/base/dedup/fixtures): precision and recall
 * of automatic merges and of flags (flag or merge), overall and per kind of pair. Pure computation, no database.
 * Usage: npx tsx bench/dedup-quality.ts [--write]   (or npm run bench -- dedup-quality --write)
 * --write replaces the dedup-quality section of docs/benchmarks.md.
 */
import { pathToFileURL } from 'node:url';
/* eslint-disable import-x/no-restricted-paths -- the labelled fixtures and their evaluator are test data, not base's public API; importing base/index.ts would also load the whole server slice for a pure computation */
import { customerRuleTemplate, type DedupRule } from '../apps/server/src/base/dedup/index.ts';
import { CUSTOMER_FIELD_IDS, CUSTOMER_PAIRS } from '../apps/server/src/base/dedup/fixtures/customers.ts';
import { evaluateRule, type PrecisionRecall, type Quality } from '../apps/server/src/base/dedup/fixtures/quality.ts';
/* eslint-enable import-x/no-restricted-paths */
import { table, writeSection } from './report.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pr = (m: PrecisionRecall) => [pct(m.precision), pct(m.recall), `${m.truePositives} / ${m.falsePositives} / ${m.falseNegatives}`];

/** The default rule with and without the contact's name, then the default rule's thresholds moved, to show the trade-off. */
function rules(): { label: string; rule: DedupRule }[] {
  const { contact: _contact, ...withoutContact } = CUSTOMER_FIELD_IDS;
  const full = customerRuleTemplate(CUSTOMER_FIELD_IDS);
  const thresholds: [number, number][] = [
    [0.85, 0.65],
    [0.95, 0.65],
    [0.9, 0.6],
    [0.9, 0.7],
  ];
  return [
    { label: 'default: company, credit code, phone, email', rule: customerRuleTemplate(withoutContact) },
    { label: 'default + contact name', rule: full },
    ...thresholds.map(([high, low]) => ({ label: 'thresholds moved', rule: { ...full, high, low } })),
  ];
}

function summary(results: { label: string; rule: DedupRule; quality: Quality }[]): string {
  return table(
    [
      'rule (high / low)',
      'merge precision',
      'merge recall',
      'merge TP / FP / FN',
      'flag-or-merge precision',
      'flag-or-merge recall',
      'flag-or-merge TP / FP / FN',
    ],
    results.map(({ label, rule, quality }) => [`${label} (${rule.high} / ${rule.low})`, ...pr(quality.merge), ...pr(quality.flagOrMerge)]),
  );
}

function byKind(quality: Quality): string {
  return table(
    ['pairs', 'kind', 'n', 'merge', 'flag', 'none'],
    quality.byKind.map((k) => [k.same ? 'same customer' : 'different', k.kind, String(k.pairs), String(k.merge), String(k.flag), String(k.none)]),
  );
}

export async function main(args: string[]): Promise<void> {
  const results = rules().map((r) => ({ ...r, quality: evaluateRule(r.rule, CUSTOMER_PAIRS) }));
  const full = results[1]!.quality;
  const body = [
    '## Duplicate detection quality (`npx tsx bench/dedup-quality.ts`)',
    '',
    `${full.pairs} hand-made pairs of customer rows (${full.samePairs} same customer, ${full.pairs - full.samePairs} different) in`,
    '`apps/server/src/base/dedup/fixtures/`: name variants (legal forms, cities, brackets, traditional and full-width characters,',
    'typos, industry words, English names), phones and emails in every format, valid and mistyped credit codes; sister companies,',
    'branches, look-alike names and shared contacts as the different ones. A pair counts as found by "merge" when the default',
    'customer rule merges it automatically, by "flag-or-merge" when it at least shows it to a person. Sister companies and',
    'branches are flagged by design (never merged), so they count against flag precision.',
    '',
    summary(results),
    '',
    'Decisions by kind of pair (rule with contact name):',
    '',
    byKind(full),
  ].join('\n');
  console.log(`\n${body}\n`);
  if (args.includes('--write')) writeSection('dedup-quality', body);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
