import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { call } from '../api/call';
import { SelectField, TextField } from '../components/Fields';
import { usePermissions } from '../session/permissions';
import { useSession } from '../session/session';
import type { PersonSummary } from '../admin/people';
import { COLLABORATOR_ROLES, type CollaboratorRole, type Outline } from './model';

/** Who works on the course, and (for editors who may look people up) adding or removing someone. */
export function Collaborators({ outline, onOutline }: { outline: Outline; onOutline(outline: Outline): void }) {
  const { t } = useTranslation();
  const perms = usePermissions();
  const session = useSession();
  const courseId = outline.course.id;
  const canManage = outline.can.edit && outline.course.status !== 'archived';
  const canSearch = canManage && perms.has('user.read');
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PersonSummary[] | null>(null);
  const [role, setRole] = useState<CollaboratorRole>('editor');
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const typing = useRef<number | undefined>(undefined);
  const me = session.status === 'signed-in' ? session.profile.id : null;

  useEffect(() => () => window.clearTimeout(typing.current), []);
  useEffect(() => {
    if (!canSearch || query.length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    void call(api.GET('/api/v1/users', { params: { query: { q: query, pageSize: 10, status: 'active' } } })).then((result) => {
      if (!live) return;
      if (result.ok) setFound(result.data.items);
      else setMessage({ text: result.message, bad: true });
    });
    return () => {
      live = false;
    };
  }, [query, canSearch]);

  const change = async (request: Promise<{ data?: Outline; error?: unknown; response: Response }>, done: string) => {
    if (busy) return;
    setBusy(true);
    const result = await call(request);
    setBusy(false);
    if (result.ok) {
      onOutline(result.data);
      setMessage({ text: done, bad: false });
    } else setMessage({ text: result.message, bad: true });
  };

  const members = new Set(outline.collaborators.map((c) => c.userId));
  const candidates = (found ?? []).filter((p) => !members.has(p.id));
  return (
    <section aria-labelledby="collaborators-heading">
      <h2 id="collaborators-heading">{t('editor.collaborators.heading')}</h2>
      <p role="status" className={message?.bad ? 'form-error' : 'form-help'}>
        {message?.text ?? ''}
      </p>
      <ul className="item-list" data-testid="collaborators">
        {outline.collaborators.map((c) => (
          <li key={c.userId} className="item-list__item">
            <span>
              <strong>{c.displayName}</strong> <span className="mono">{c.username}</span> — {t(`editor.collaborators.roles.${c.role}`)}
            </span>
            {canManage && c.userId !== me && (
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('editor.collaborators.removeLabel', { name: c.displayName })}
                onClick={() => void change(api.DELETE('/api/v1/courses/{courseId}/collaborators/{userId}', { params: { path: { courseId, userId: c.userId } } }), t('editor.collaborators.removed', { name: c.displayName }))}
              >
                {t('editor.collaborators.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canSearch && (
        <div className="person-search">
          <h3>{t('editor.collaborators.add')}</h3>
          <SelectField label={t('editor.collaborators.role')} value={role} onChange={(value) => setRole(value as CollaboratorRole)}>
            {COLLABORATOR_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`editor.collaborators.roles.${r}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('editor.collaborators.find')}
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
            {found ? (candidates.length ? t('personSearch.found', { total: candidates.length }) : t('personSearch.none')) : ''}
          </p>
          {candidates.length > 0 && (
            <ul className="person-search__results">
              {candidates.map((person) => (
                <li key={person.id}>
                  <span className="person-search__who">
                    <strong>{person.displayName}</strong> <span className="mono">{person.username}</span>
                  </span>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-disabled={busy || undefined}
                    onClick={() =>
                      void change(
                        api.PUT('/api/v1/courses/{courseId}/collaborators/{userId}', { params: { path: { courseId, userId: person.id } }, body: { role } }),
                        t('editor.collaborators.added', { name: person.displayName, role: t(`editor.collaborators.roles.${role}`) }),
                      )
                    }
                  >
                    {t('editor.collaborators.addAs', { name: person.displayName })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
