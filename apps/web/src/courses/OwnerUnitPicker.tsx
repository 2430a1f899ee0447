import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { call } from '../api/call';
import { ChoiceGroup, TextField } from '../components/Fields';
import { byName, unitKindLabel, type OrgUnit } from '../admin/units';

type Props = {
  chosen: OrgUnit | null;
  onChoose(unit: OrgUnit | null): void;
  error?: string | null;
};

/**
 * The unit that owns a course: an institution found by name (GET /org/units?q=&type=institution,
 * diacritics-insensitive), or, before anything is typed, the units the author works in (their roots:
 * a school for a teacher, the departments for the Department's staff).
 */
export function OwnerUnitPicker({ chosen, onChoose, error }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<OrgUnit[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const typing = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(typing.current), []);
  useEffect(() => {
    let live = true;
    const request = query ? api.GET('/api/v1/org/units', { params: { query: { q: query, type: 'institution' } } }) : api.GET('/api/v1/org/units', { params: { query: {} } });
    void call(request).then((result) => {
      if (!live) return;
      if (result.ok) {
        setFound(result.data.items.filter((u) => !u.archivedAt && (u.type === 'institution' || u.type === 'department')).sort(byName));
        setFailure(null);
      } else setFailure(result.message);
    });
    return () => {
      live = false;
    };
  }, [query]);

  // The chosen unit stays offered whatever is typed next.
  const options = [...(chosen && !found?.some((u) => u.id === chosen.id) ? [chosen] : []), ...(found ?? [])];
  return (
    <div className="owner-picker">
      <TextField
        label={t('ownerPicker.search')}
        hint={t('ownerPicker.hint')}
        type="search"
        value={text}
        autoComplete="off"
        maxLength={100}
        error={options.length === 0 ? error : undefined}
        onChange={(value) => {
          setText(value);
          window.clearTimeout(typing.current);
          typing.current = window.setTimeout(() => setQuery(value.trim()), 300);
        }}
      />
      <p role="status" className="person-search__count">
        {found === null ? '' : found.length === 0 ? (query ? t('ownerPicker.none') : t('ownerPicker.noRoots')) : query ? t('ownerPicker.found', { count: found.length }) : ''}
      </p>
      {failure && <p className="form-error">{failure}</p>}
      {options.length > 0 && (
        <ChoiceGroup
          legend={query ? t('ownerPicker.choose') : t('ownerPicker.roots')}
          name="owner-unit"
          value={chosen?.id ?? ''}
          error={error}
          onChange={(id) => onChoose(options.find((u) => u.id === id) ?? null)}
          options={options.map((u) => ({ value: u.id, label: u.name, description: unitKindLabel(u, t) }))}
        />
      )}
    </div>
  );
}
