import { useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  label: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange(value: string): void;
  /** Ids of hints or errors that describe the field. */
  describedBy?: string;
  invalid?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'name' | 'maxLength'>;

/**
 * A password input with a "show password" button next to it: typing a password on a phone
 * keyboard is hard, and older users want to check what they typed.
 */
export function PasswordField({ label, autoComplete, value, onChange, describedBy, invalid, inputRef, name, maxLength }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [visible, setVisible] = useState(false);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="password-field">
        <input
          id={id}
          ref={inputRef}
          className="field__input password-field__input"
          type={visible ? 'text' : 'password'}
          name={name}
          autoComplete={autoComplete}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={maxLength}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
        <button type="button" className="password-field__toggle" aria-controls={id} onClick={() => setVisible((v) => !v)}>
          {visible ? t('password.hide') : t('password.show')}
        </button>
      </div>
    </div>
  );
}
