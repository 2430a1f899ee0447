import type { LocalizedMessage } from '../errors/domain.exception';

export type Language = 'vi' | 'en';

/**
 * Picks Vietnamese or English from an Accept-Language header by quality; Vietnamese is the
 * default and wins ties.
 */
export function preferredLanguage(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'vi';
  let best: { lang: Language; q: number } | null = null;
  for (const part of value.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const lang: Language | null = tag.startsWith('vi') ? 'vi' : tag.startsWith('en') ? 'en' : null;
    if (!lang) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q || (q === best.q && lang === 'vi' && best.lang !== 'vi')) best = { lang, q };
  }
  return best?.lang ?? 'vi';
}

export function localize(messages: LocalizedMessage, lang: Language): string {
  return lang === 'en' ? messages.en : messages.vi;
}
