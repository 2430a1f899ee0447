/**
 * Small line icons drawn inline (no icon font, no emoji: they render the same on every phone and
 * cost no request). Decorative: the text next to them says the same.
 */
const PATHS = {
  students: ['M2 4h6a4 4 0 0 1 4 4v13a3 3 0 0 0-3-3H2z', 'M22 4h-6a4 4 0 0 0-4 4v13a3 3 0 0 1 3-3h7z'],
  parents: [
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
    'M2 21v-2a4 4 0 0 1 4-4h6a4 4 0 0 1 4 4v2',
    'M16 3.13a4 4 0 0 1 0 7.75',
    'M22 21v-2a4 4 0 0 0-3-3.87',
  ],
  teachers: ['M3 3h18v12H3z', 'M12 15v4', 'M8 21l4-2 4 2', 'M7 8h6', 'M7 11h10'],
  managers: ['M3 3v18h18', 'M8 17v-5', 'M13 17V8', 'M18 17v-8'],
} as const;

export type Audience = keyof typeof PATHS;

export function AudienceIcon({ audience }: { audience: Audience }) {
  return (
    <svg
      className="card__icon"
      viewBox="0 0 24 24"
      width="28"
      height="28"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[audience].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
