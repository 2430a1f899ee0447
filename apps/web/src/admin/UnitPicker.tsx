import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { call } from '../api/call';
import type { UnitType } from '../session/permissions';
import { byName, CHILD_TYPES, leadsTo, unitKindLabel, type OrgUnit } from './units';

type Level = { parent: OrgUnit | null; options: OrgUnit[]; chosen: string };

type Props = {
  legend: string;
  /** The kinds of unit that may be chosen. */
  allowed: readonly UnitType[];
  onChange(unit: OrgUnit | null): void;
  /** A unit not to offer, nor anything beneath it (moving a unit: not into itself). */
  exclude?: string;
  /** Start with this unit chosen (e.g. from the address). */
  initialId?: string | null;
  error?: string | null;
  hint?: string;
};

async function childrenOf(parentId: string | null): Promise<{ ok: true; units: OrgUnit[] } | { ok: false; message: string }> {
  const result = await call(api.GET('/api/v1/org/units', { params: { query: parentId ? { parentId } : {} } }));
  return result.ok ? { ok: true, units: [...result.data.items].sort(byName) } : { ok: false, message: result.message };
}

/**
 * Chooses a unit of the organisation tree by going down it, one list per level: the caller's own
 * top units first, then what is under the one chosen, and so on. Scales to a whole city (each list
 * holds one unit's children) and works with a phone's native pickers and a keyboard.
 */
export function UnitPicker({ legend, allowed, onChange, exclude, initialId, error, hint }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [levels, setLevels] = useState<Level[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allowedKey = allowed.join(',');
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const offered = (units: OrgUnit[]) => units.filter((u) => u.id !== exclude && !u.archivedAt && leadsTo(u.type, allowed));
  const opensFurther = (unit: OrgUnit) => CHILD_TYPES[unit.type].some((child) => leadsTo(child, allowed));

  // The roots, then (when asked) the way down to the initial unit.
  useEffect(() => {
    let live = true;
    void (async () => {
      const roots = await childrenOf(null);
      if (!live) return;
      if (!roots.ok) {
        setLoadError(roots.message);
        return;
      }
      const wanted = allowedKey.split(',') as UnitType[];
      const keep = (units: OrgUnit[]) => units.filter((u) => u.id !== exclude && !u.archivedAt && leadsTo(u.type, wanted));
      let next: Level[] = [{ parent: null, options: keep(roots.units), chosen: '' }];
      let chosen: OrgUnit | null = null;
      if (initialId) {
        const initial = await call(api.GET('/api/v1/org/units/{unitId}', { params: { path: { unitId: initialId } } }));
        if (!live) return;
        if (initial.ok) {
          const chain = [...initial.data.ancestorIds, initial.data.id];
          const start = chain.findIndex((unitId) => next[0].options.some((u) => u.id === unitId));
          for (let i = start; start !== -1 && i < chain.length; i++) {
            const level = next[next.length - 1];
            const unit = level.options.find((u) => u.id === chain[i]);
            if (!unit) break;
            level.chosen = unit.id;
            chosen = unit;
            if (!CHILD_TYPES[unit.type].some((c) => leadsTo(c, wanted))) break;
            const below = await childrenOf(unit.id);
            if (!live) return;
            if (!below.ok) break;
            const options = keep(below.units);
            if (options.length) next = [...next, { parent: unit, options, chosen: '' }];
            else break;
          }
        }
      }
      setLevels(next);
      if (chosen) onChangeRef.current(wanted.includes(chosen.type) ? chosen : null);
    })();
    return () => {
      live = false;
    };
  }, [allowedKey, exclude, initialId]);

  const choose = async (index: number, unitId: string) => {
    if (!levels) return;
    const kept = levels.slice(0, index + 1).map((level, i) => (i === index ? { ...level, chosen: unitId } : level));
    const unit = kept[index].options.find((u) => u.id === unitId) ?? null;
    // Nothing chosen at this level: the choice is the unit above (when it is of an allowed kind).
    const current = unit ?? kept[index].parent;
    onChange(current && allowed.includes(current.type) ? current : null);
    setLevels(kept);
    setLoadError(null);
    if (!unit || !opensFurther(unit)) return;
    setBusy(true);
    const below = await childrenOf(unit.id);
    setBusy(false);
    if (!below.ok) {
      setLoadError(below.message);
      return;
    }
    const options = offered(below.units);
    setLevels((now) => {
      // A newer choice was made while this list loaded: keep that one.
      if (!now || now.length !== index + 1 || now[index].chosen !== unitId) return now;
      return options.length ? [...now, { parent: unit, options, chosen: '' }] : now;
    });
  };

  const last = levels ? [...levels].reverse().find((level) => level.chosen) : undefined;
  const chosenUnit = last ? last.options.find((u) => u.id === last.chosen) : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;

  return (
    <fieldset className="field unit-picker" aria-describedby={describedBy} aria-busy={busy || levels === null}>
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
      {levels === null && !loadError && <p className="loading">{t('common.loading')}</p>}
      {levels?.length === 1 && levels[0].options.length === 0 && <p>{t('unitPicker.none')}</p>}
      {levels?.map((level, index) => {
        const selectId = `${id}-level-${index}`;
        if (level.options.length === 0) return null;
        return (
          <div className="unit-picker__level" key={level.parent?.id ?? 'roots'}>
            <label className="unit-picker__label" htmlFor={selectId}>
              {level.parent ? t('unitPicker.inside', { name: level.parent.name }) : t('unitPicker.top')}
            </label>
            <select
              id={selectId}
              className="field__input"
              value={level.chosen}
              onChange={(event) => void choose(index, event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
            >
              <option value="">{level.parent && allowed.includes(level.parent.type) ? t('unitPicker.keep', { name: level.parent.name }) : t('unitPicker.choose')}</option>
              {level.options.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name} — {unitKindLabel(unit, t)}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {busy && <p className="loading">{t('common.loading')}</p>}
      {loadError && <p className="field__error">{loadError}</p>}
      <p className="unit-picker__chosen" aria-live="polite">
        {chosenUnit && allowed.includes(chosenUnit.type)
          ? t('unitPicker.chosen', { name: chosenUnit.name, kind: unitKindLabel(chosenUnit, t) })
          : levels && levels[0].options.length > 0
            ? t('unitPicker.nothing')
            : ''}
      </p>
    </fieldset>
  );
}
