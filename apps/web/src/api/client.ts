import createClient, { type Middleware } from 'openapi-fetch';
import { currentLanguage, type Language } from '../i18n';
import type { paths } from './schema';

/** The Accept-Language header for the interface language: the other language as a fallback. */
export function acceptLanguage(language: Language): string {
  return language === 'en' ? 'en, vi;q=0.8' : 'vi, en;q=0.8';
}

/** Every request tells the api which language the user reads, so its messages match. */
const languageMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', acceptLanguage(currentLanguage()));
    return request;
  },
};

/**
 * The typed api client. `baseUrl: ''`: the api serves this app, so every call is same-origin
 * (in development Vite proxies /api and /health to the api).
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(languageMiddleware);
