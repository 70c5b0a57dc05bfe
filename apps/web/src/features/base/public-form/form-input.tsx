import type { OptionsOf } from '@concord/table-engine';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { choiceStyle, choices, optionsOf } from '../fields/field-options.ts';
import type { Draft, FormField, InputKind, PickedPerson } from './form-values.ts';
import { PersonInput } from './person-input.tsx';

export interface FormInputProps {
  field: FormField;
  kind: InputKind;
  inputId: string;
  value: Draft;
  invalid: boolean;
  signedIn: boolean;
  onChange: (value: Draft) => void;
}

/** Option lists up to this long show as buttons to tap; longer ones as a drop-down. */
const INLINE_CHOICES = 8;

const TEXT_INPUTS = {
  text: { type: 'text', inputMode: undefined, autoComplete: undefined },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
  url: { type: 'url', inputMode: 'url', autoComplete: 'url' },
} as const;

/** "¥" for CNY, "$" for USD: the narrow symbol people recognise (the code when the browser has none). */
function currencySymbol(code: string): string {
  try {
    const parts = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? code;
  } catch {
    return code;
  }
}

/** The input for one form field, chosen by its kind. */
export function FormInput({ field, kind, inputId, value, invalid, signedIn, onChange }: FormInputProps) {
  const t = useT();
  const text = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? (value as readonly string[]) : [];
  const aria = { 'aria-invalid': invalid || undefined };
  const asChoices = { ...field, tableId: '', isPrimary: false, description: null };

  switch (kind) {
    case 'text':
    case 'phone':
    case 'email':
    case 'url': {
      const spec = TEXT_INPUTS[kind];
      return (
        <input
          id={inputId}
          type={spec.type}
          inputMode={spec.inputMode}
          autoComplete={spec.autoComplete}
          value={text}
          placeholder={kind === 'url' ? 'https://' : undefined}
          onChange={(e) => onChange(e.target.value)}
          {...aria}
        />
      );
    }
    case 'longText':
      return <textarea id={inputId} rows={4} value={text} onChange={(e) => onChange(e.target.value)} {...aria} />;
    case 'number':
    case 'percent': {
      const currency = field.type === 'currency' ? currencySymbol(optionsOf(asChoices, 'currency').currency ?? 'CNY') : null;
      return (
        <div className="pf-affix">
          {currency && <span className="pf-affix-text">{currency}</span>}
          <input id={inputId} type="text" inputMode="decimal" value={text} onChange={(e) => onChange(e.target.value)} {...aria} />
          {kind === 'percent' && <span className="pf-affix-text">%</span>}
        </div>
      );
    }
    case 'rating': {
      const max = (field.options as Partial<OptionsOf<'rating'>>).max ?? 5;
      const n = Number(text) || 0;
      return (
        <div className="pf-rating" role="radiogroup" id={inputId} {...aria}>
          {Array.from({ length: max }, (_, i) => (
            <button
              key={i}
              type="button"
              role="radio"
              aria-checked={i + 1 === n}
              aria-label={String(i + 1)}
              className={i < n ? 'is-on' : undefined}
              onClick={() => onChange(i + 1 === n ? '' : String(i + 1))}
            >
              ★
            </button>
          ))}
        </div>
      );
    }
    case 'single': {
      const opts = choices(asChoices);
      if (opts.length > INLINE_CHOICES) {
        return (
          <select id={inputId} value={text} onChange={(e) => onChange(e.target.value)} {...aria}>
            <option value="">{t('publicForm.choose')}</option>
            {opts.map((o) => (
              <option key={o.id} value={o.name}>
                {o.name}
              </option>
            ))}
          </select>
        );
      }
      return (
        <div className="pf-choices" role="radiogroup" id={inputId} {...aria}>
          {opts.map((o) => (
            <label key={o.id} className={`pf-choice${text === o.name ? ' is-on' : ''}`}>
              <input type="radio" name={inputId} checked={text === o.name} onChange={() => onChange(o.name)} onClick={() => text === o.name && onChange('')} />
              <span className="choice-chip" style={choiceStyle(asChoices, o.name)}>
                {o.name}
              </span>
            </label>
          ))}
        </div>
      );
    }
    case 'multi': {
      const opts = choices(asChoices);
      return (
        <div className="pf-choices" role="group" id={inputId} {...aria}>
          {opts.map((o) => {
            const on = list.includes(o.name);
            return (
              <label key={o.id} className={`pf-choice${on ? ' is-on' : ''}`}>
                <input type="checkbox" checked={on} onChange={() => onChange(on ? list.filter((x) => x !== o.name) : [...list, o.name])} />
                <span className="choice-chip" style={choiceStyle(asChoices, o.name)}>
                  {o.name}
                </span>
              </label>
            );
          })}
        </div>
      );
    }
    case 'date': {
      const withTime = (field.options as Partial<OptionsOf<'date'>>).includeTime ?? false;
      return <input id={inputId} type={withTime ? 'datetime-local' : 'date'} value={text} onChange={(e) => onChange(e.target.value)} {...aria} />;
    }
    case 'checkbox':
      return (
        <label className="check pf-check">
          <input id={inputId} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} {...aria} />
          <span>{t('publicForm.yes')}</span>
        </label>
      );
    case 'person':
      if (!signedIn) return <p className="muted pf-note">{t('publicForm.personSignIn')}</p>;
      return (
        <PersonInput
          inputId={inputId}
          value={Array.isArray(value) ? (value as readonly PickedPerson[]) : []}
          multiple={(field.options as { multiple?: boolean }).multiple !== false}
          invalid={invalid}
          onChange={onChange}
        />
      );
  }
}
