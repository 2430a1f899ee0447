import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { OrgUnit } from '../admin/units';

/** The address's parameter for the chosen class or unit (kept when moving between the teaching pages). */
export const UNIT_PARAM = 'don-vi';

/** The unit chosen in the teaching pages' UnitPicker, kept in the address (a reload or a shared link keeps it). */
export function useChosenUnit(): { initialId: string | null; unit: OrgUnit | null; choose(unit: OrgUnit | null): void } {
  const [params, setParams] = useSearchParams();
  const [initialId] = useState(() => params.get(UNIT_PARAM));
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const choose = useCallback(
    (next: OrgUnit | null) => {
      setUnit(next);
      setParams(
        (now) => {
          const updated = new URLSearchParams(now);
          if (next) updated.set(UNIT_PARAM, next.id);
          else updated.delete(UNIT_PARAM);
          return updated;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { initialId, unit, choose };
}
