import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** Moves focus to the control of the first field that shows an error. */
export function focusFirstError(form: HTMLElement | null): void {
  const error = form?.querySelector('.field__error');
  error?.closest('.field')?.querySelector<HTMLElement>('input, select, textarea')?.focus();
}

export type Alert = { text: string; n: number } | null;

/** A form's message; each new one gets a new number, so the same text twice is announced twice. */
export function useAlert(): readonly [Alert, (text: string | null) => void] {
  const [alert, setAlert] = useState<Alert>(null);
  const n = useRef(0);
  const show = useCallback((text: string | null) => setAlert(text === null ? null : { text, n: ++n.current }), []);
  return [alert, show] as const;
}

/**
 * Asks for focus on the first field with an error once the errors are on screen (after React has
 * rendered them, also when they come from an api answer).
 */
export function useFocusFirstError(form: RefObject<HTMLElement | null>): () => void {
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (asked > 0) focusFirstError(form.current);
  }, [asked, form]);
  return useCallback(() => setAsked((n) => n + 1), []);
}
