import { selectColors, type SelectOption } from '@concord/table-engine';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { CHOICE_COLORS } from '../../fields/field-options.ts';

export type ChoiceDraft = Pick<SelectOption, 'name' | 'color'> & { id?: string; aliases?: string[] };

export interface ChoicesEditorProps {
  choices: readonly ChoiceDraft[];
  onChange: (choices: ChoiceDraft[]) => void;
}

/** Select options: name and colour each; ids are kept so renaming an option keeps its cells. */
export function ChoicesEditor({ choices, onChange }: ChoicesEditorProps) {
  const t = useT();
  const set = (i: number, patch: Partial<ChoiceDraft>) => onChange(choices.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <div className="choices-editor" data-testid="choices-editor">
      <span className="field-label">{t('base.field.choices')}</span>
      {choices.map((c, i) => {
        const [bg, fg] = CHOICE_COLORS[c.color];
        return (
          <div key={c.id ?? `new-${i}`} className="choice-row">
            <select
              className="choice-color"
              aria-label={t('base.field.choiceColor')}
              value={c.color}
              style={{ background: bg, color: fg }}
              onChange={(e) => set(i, { color: selectColors.find((x) => x === e.target.value) ?? 'blue' })}
            >
              {selectColors.map((color) => (
                <option key={color} value={color}>
                  {t(`base.color.${color}`)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('base.field.choiceName')}
              data-testid="choice-name"
              value={c.name}
              maxLength={200}
              onChange={(e) => set(i, { name: e.target.value })}
            />
            <button type="button" className="icon-btn" aria-label={t('base.filter.remove')} onClick={() => onChange(choices.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="link-btn small"
        data-testid="choice-add"
        onClick={() => onChange([...choices, { name: '', color: selectColors[choices.length % selectColors.length]! }])}
      >
        + {t('base.field.addChoice')}
      </button>
    </div>
  );
}
