import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

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

/** The ids a field's parts share: the control, its hint and its error. */
function useFieldIds(hint: ReactNode, error: string | null | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: describedBy(errorId, hintId) };
}

/** The hint and the error under a label or legend (so a phone keyboard never hides them). */
function HintAndError({ hint, error, hintId, errorId }: { hint?: ReactNode; error?: string | null; hintId?: string; errorId?: string }) {
  return (
    <>
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
    </>
  );
}

/** Label, hint and error around one control: what every single-control field shares. */
function LabelledField({ frame, ids, children }: { frame: FieldFrame; ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={ids.id}>
        {frame.label}
        {frame.optionalText && <span className="field__optional"> {frame.optionalText}</span>}
      </label>
      <HintAndError hint={frame.hint} error={frame.error} hintId={ids.hintId} errorId={ids.errorId} />
      {children}
    </div>
  );
}

type TextFieldProps = FieldFrame & {
  value: string;
  onChange(value: string): void;
  inputRef?: Ref<HTMLInputElement>;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

/** A labelled input with its hint and error under the label. */
export function TextField({ label, hint, error, optionalText, value, onChange, inputRef, className, ...rest }: TextFieldProps) {
  const ids = useFieldIds(hint, error);
  return (
    <LabelledField frame={{ label, hint, error, optionalText }} ids={ids}>
      <input
        {...rest}
        id={ids.id}
        ref={inputRef}
        className={className ?? 'field__input'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
    </LabelledField>
  );
}

type TextAreaFieldProps = FieldFrame & {
  value: string;
  onChange(value: string): void;
  textareaRef?: Ref<HTMLTextAreaElement>;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id'>;

/** A labelled textarea with its hint and error under the label, as TextField does for inputs. */
export function TextAreaField({ label, hint, error, optionalText, value, onChange, textareaRef, className, ...rest }: TextAreaFieldProps) {
  const ids = useFieldIds(hint, error);
  return (
    <LabelledField frame={{ label, hint, error, optionalText }} ids={ids}>
      <textarea
        {...rest}
        id={ids.id}
        ref={textareaRef}
        className={className ?? 'field__input field__textarea'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
    </LabelledField>
  );
}

type SelectFieldProps = FieldFrame & {
  value: string;
  onChange(value: string): void;
  children: ReactNode;
  selectRef?: Ref<HTMLSelectElement>;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id' | 'children'>;

export function SelectField({ label, hint, error, optionalText, value, onChange, children, selectRef, ...rest }: SelectFieldProps) {
  const ids = useFieldIds(hint, error);
  return (
    <LabelledField frame={{ label, hint, error, optionalText }} ids={ids}>
      <select
        {...rest}
        id={ids.id}
        ref={selectRef}
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      >
        {children}
      </select>
    </LabelledField>
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
  const { id, hintId, errorId, describedBy: described } = useFieldIds(hint, error);
  return (
    <fieldset className="field choices" aria-describedby={described}>
      <legend className="field__label">{legend}</legend>
      <HintAndError hint={hint} error={error} hintId={hintId} errorId={errorId} />
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
  const { id, hintId, errorId, describedBy: described } = useFieldIds(hint, error);
  return (
    <fieldset className="field choices" aria-describedby={described}>
      <legend className="field__label">{legend}</legend>
      <HintAndError hint={hint} error={error} hintId={hintId} errorId={errorId} />
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
