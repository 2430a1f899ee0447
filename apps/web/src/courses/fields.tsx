import { useId, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';

type TextAreaFieldProps = {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  optionalText?: string;
  value: string;
  onChange(value: string): void;
  textareaRef?: Ref<HTMLTextAreaElement>;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id'>;

/** A labelled textarea with its hint and error under the label, as TextField does for inputs. */
export function TextAreaField({ label, hint, error, optionalText, value, onChange, textareaRef, className, ...rest }: TextAreaFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        {optionalText && <span className="field__optional"> {optionalText}</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      <textarea
        {...rest}
        id={id}
        ref={textareaRef}
        className={className ?? 'field__input field__textarea'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

type CheckboxGroupProps<V extends string> = {
  legend: string;
  options: ReadonlyArray<{ value: V; label: ReactNode }>;
  value: readonly V[];
  onChange(value: V[]): void;
  error?: string | null;
  hint?: ReactNode;
};

/** Several checkboxes as large tappable rows under one legend (the same technique as ChoiceGroup). */
export function CheckboxGroup<V extends string>({ legend, options, value, onChange, error, hint }: CheckboxGroupProps<V>) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="field choices" aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}>
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      <div className="choices__grid">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          const checked = value.includes(option.value);
          return (
            <div className="choice choice--checkbox" key={option.value}>
              <input
                type="checkbox"
                id={optionId}
                checked={checked}
                aria-invalid={error ? true : undefined}
                onChange={(event) => onChange(event.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))}
              />
              <label htmlFor={optionId} className="choice__label">
                <span className="choice__text">{option.label}</span>
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
