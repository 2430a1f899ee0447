import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { api } from '../api/client';
import { call, type Outcome } from '../api/call';
import type { Language } from '../i18n';
import type { CompetencyDetail, Framework, FrameworkLevel } from './model';

// The framework of TT 02/2025 changes only with a new circular: it is fetched once per page load
// and shared by every page and picker that names competencies.
let frameworkRequest: Promise<Outcome<Framework>> | null = null;
const details = new Map<string, Promise<Outcome<CompetencyDetail>>>();

function loadFramework(): Promise<Outcome<Framework>> {
  frameworkRequest ??= call(api.GET('/api/v1/competencies')).then((result) => {
    if (!result.ok) frameworkRequest = null; // asked again next time
    return result;
  });
  return frameworkRequest;
}

export function loadCompetency(code: string): Promise<Outcome<CompetencyDetail>> {
  let request = details.get(code);
  if (!request) {
    request = call(api.GET('/api/v1/competencies/{code}', { params: { path: { code } } })).then((result) => {
      if (!result.ok) details.delete(code);
      return result;
    });
    details.set(code, request);
  }
  return request;
}

export type FrameworkState = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; framework: Framework };

export function useFramework(): FrameworkState {
  const [state, setState] = useState<FrameworkState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void loadFramework().then((result) => {
      if (live) setState(result.ok ? { state: 'ready', framework: result.data } : { state: 'error', message: result.message });
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** A competency's name in the reader's language ("4.2" when the framework is not loaded). */
export function competencyName(framework: Framework | null, code: string, language: Language): string | null {
  for (const domain of framework?.domains ?? []) {
    const found = domain.competencies.find((c) => c.code === code);
    if (found) return language === 'en' ? found.nameEn : found.nameVi;
  }
  return null;
}

/** "Bậc 2 — Cơ bản (lớp 4–5)". */
export function levelLabel(level: FrameworkLevel, language: Language, t: TFunction): string {
  const tier = language === 'en' ? level.tierNameEn : level.tierNameVi;
  if (level.grades.length === 0) return t('competency.levelOption', { id: level.id, tier });
  const grades = level.grades.length === 1 ? String(level.grades[0]) : `${level.grades[0]}–${level.grades[level.grades.length - 1]}`;
  return t('competency.levelGrades', { id: level.id, tier, grades });
}
