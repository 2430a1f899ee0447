import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';

/** The ids a control is described by: its hint and, when there is one, its error. */
function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length ? list.join(' ') : undefined;
}

type FieldFrame = {
  label: string;
  /** Shown under the label, read with the control. */
  hint?: ReactNode;
  /** The problem with this field, in words; tied to the control with aria-describedby. */
  error?: string | null;
  /** "(không bắt buộc)" after the label. */
  optionalText?: string;
};

type TextFieldProps = FieldFrame & {
  value: string;
  onChange(value: string): void;
  inputRef?: Ref<HTMLInputElement>;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

/** A labelled input with its hint and error under the label (so a phone keyboard never hides them). */
export function TextField({ label, hint, error, optionalText, value, onChange, inputRef, className, ...rest }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
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
      <input
        {...rest}
        id={id}
        ref={inputRef}
        className={className ?? 'field__input'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(errorId, hintId)}
      />
    </div>
  );
}

type SelectFieldProps = FieldFrame & {
  value: string;
  onChange(value: string): void;
  children: ReactNode;
  selectRef?: Ref<HTMLSelectElement>;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id' | 'children'>;

export function SelectField({ label, hint, error, optionalText, value, onChange, children, selectRef, ...rest }: SelectFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
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
      <select
        {...rest}
        id={id}
        ref={selectRef}
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(errorId, hintId)}
      >
        {children}
      </select>
    </div>
  );
}

type Choice<V extends string> = { value: V; label: ReactNode; description?: ReactNode };

type ChoiceGroupProps<V extends string> = {
  legend: string;
  name: string;
  value: NoInfer<V> | '';
  options: ReadonlyArray<Choice<V>>;
  onChange(value: NoInfer<V>): void;
  error?: string | null;
  hint?: ReactNode;
};

/**
 * Radio buttons as large, tappable cards: the whole card is the radio's own box (the native input
 * is stretched over it, transparent), so keyboard, screen readers and 44 px targets all just work.
 */
export function ChoiceGroup<V extends string>({ legend, name, value, options, onChange, error, hint }: ChoiceGroupProps<V>) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="field choices" aria-describedby={describedBy(errorId, hintId)}>
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
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div className="choice" key={option.value}>
            <input
              type="radio"
              id={optionId}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-describedby={option.description ? `${optionId}-description` : undefined}
            />
            <label htmlFor={optionId} className="choice__label">
              <span className="choice__text">{option.label}</span>
            </label>
            {option.description && (
              <span className="choice__description" id={`${optionId}-description`}>
                {option.description}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

type CheckboxProps = { label: ReactNode; checked: boolean; onChange(checked: boolean): void; name?: string };

/** A checkbox drawn as a large tappable row (same technique as ChoiceGroup). */
export function Checkbox({ label, checked, onChange, name }: CheckboxProps) {
  const id = useId();
  return (
    <div className="choice choice--checkbox">
      <input type="checkbox" id={id} name={name} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id} className="choice__label">
        <span className="choice__text">{label}</span>
      </label>
    </div>
  );
}

/**
 * The form's message area: a live region that exists before anything is put in it, so screen
 * readers announce each new message. A new node per attempt: the same message twice is announced twice.
 */
export function FormAlert({ message, attempt, testId, tone = 'bad' }: { message: string | null; attempt?: number; testId?: string; tone?: 'bad' | 'ok' }) {
  return (
    <div role={tone === 'bad' ? 'alert' : 'status'} className="form-alert" data-testid={testId}>
      {message && (
        <p key={attempt} className={tone === 'bad' ? 'form-error' : 'notice notice--ok'}>
          {message}
        </p>
      )}
    </div>
  );
}
