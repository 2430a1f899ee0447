import type { TFunction } from 'i18next';
import type { components } from '../api/schema';

export type Person = components['schemas']['PersonDto'];
export type PersonSummary = components['schemas']['PersonSummaryDto'];
export type PersonRole = components['schemas']['PersonRoleDto'];
export type UserStatus = PersonSummary['status'];

export const USER_STATUSES: readonly UserStatus[] = ['active', 'locked', 'disabled', 'pending'];

/** "Giáo viên — Trường Tiểu học Lê Văn Tám"; an installation-wide role has no unit. */
export function roleLine(role: PersonRole, t: TFunction): string {
  const name = t(`roles.${role.role}`);
  return role.unitName ? t('people.roleAt', { role: name, unit: role.unitName }) : t('people.roleEverywhere', { role: name });
}

/** Dates as Vietnamese readers write them (dd/mm/yyyy), or in English order. */
export function formatDate(value: string | null, language: string, withTime = false): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(date);
}
