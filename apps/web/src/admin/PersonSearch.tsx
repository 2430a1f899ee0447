import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { call } from '../api/call';
import { TextField } from '../components/Fields';
import type { Role } from '../session/permissions';
import { roleLine, type PersonSummary } from './people';

type Props = {
  label: string;
  role: Role;
  /** People not to offer (the person themself, those already linked). */
  exclude: readonly string[];
  actionLabel(person: PersonSummary): string;
  onPick(person: PersonSummary): void;
  busy?: boolean;
};

/** Finds an account by name, username or code (as you type) and offers one button per match. */
export function PersonSearch({ label, role, exclude, actionLabel, onPick, busy }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ items: PersonSummary[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const typing = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(typing.current), []);
  useEffect(() => {
    if (query.length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    void call(api.GET('/api/v1/users', { params: { query: { q: query, role, pageSize: 10 } } })).then((result) => {
      if (!live) return;
      if (result.ok) {
        setFound({ items: result.data.items, total: result.data.total });
        setError(null);
      } else setError(result.message);
    });
    return () => {
      live = false;
    };
  }, [query, role]);

  const items = found?.items.filter((p) => !exclude.includes(p.id)) ?? [];
  return (
    <div className="person-search">
      <TextField
        label={label}
        hint={t('personSearch.hint')}
        type="search"
        value={text}
        autoComplete="off"
        onChange={(value) => {
          setText(value);
          window.clearTimeout(typing.current);
          typing.current = window.setTimeout(() => setQuery(value.trim()), 300);
        }}
      />
      <p role="status" className="person-search__count">
        {found ? (items.length ? t('personSearch.found', { total: items.length }) : t('personSearch.none')) : ''}
      </p>
      {error && <p className="form-error">{error}</p>}
      {items.length > 0 && (
        <ul className="person-search__results">
          {items.map((person) => (
            <li key={person.id}>
              <span className="person-search__who">
                <strong>{person.displayName}</strong> <span className="mono">{person.username}</span>
                {person.roles.length > 0 && <span className="person-search__roles">{person.roles.map((r) => roleLine(r, t)).join('; ')}</span>}
              </span>
              <button type="button" className="button button--secondary" onClick={() => onPick(person)} aria-disabled={busy || undefined}>
                {actionLabel(person)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
