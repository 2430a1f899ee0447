import { currentLanguage } from '../i18n';
import { api } from './client';

const MAX_REPORTS_PER_PAGE = 5;
let sent = 0;

function truncate(text: string | undefined, max: number): string | undefined {
  return text === undefined ? undefined : text.slice(0, max);
}

/** Sends one crash report to the api, which logs it with a request id for support. */
export function reportClientError(message: string, stack?: string): void {
  // A page stuck in an error loop must not flood the api.
  if (sent >= MAX_REPORTS_PER_PAGE || !message) return;
  sent += 1;
  void api
    .POST('/api/v1/client-errors', {
      body: {
        message: truncate(message, 2000) as string,
        url: truncate(window.location.pathname + window.location.search, 2000),
        stack: truncate(stack, 8000),
        language: currentLanguage(),
      },
    })
    .catch(() => undefined);
}

/** Reports uncaught errors and unhandled promise rejections from learners' browsers. */
export function installErrorReporting(): void {
  window.addEventListener('error', (event) => {
    reportClientError(event.message || 'Unknown error', event.error instanceof Error ? event.error.stack : undefined);
  });
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    reportClientError(reason instanceof Error ? reason.message : String(reason), reason instanceof Error ? reason.stack : undefined);
  });
}
