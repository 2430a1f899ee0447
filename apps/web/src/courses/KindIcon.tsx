import type { LessonKind } from './model';

// Line icons for the kinds of lesson, drawn inline like AudienceIcon (no icon font, no request).
// Decorative: the kind is always written next to them.
const PATHS: Record<LessonKind, string[]> = {
  video: ['M3 5h13v14H3z', 'M16 10l5-3v10l-5-3'],
  audio: ['M9 18V5l11-2v13', 'M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0z', 'M20 16a3 3 0 1 1-6 0 3 3 0 0 1 6 0z'],
  slides: ['M3 4h18v12H3z', 'M12 16v4', 'M8 20h8', 'M7 8h6', 'M7 11h10'],
  text: ['M6 2h9l5 5v15H6z', 'M14 2v6h6', 'M9 13h8', 'M9 17h8'],
  gallery: ['M3 5h18v14H3z', 'M8.5 10.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z', 'M21 15l-5-5-9 9'],
  file: ['M12 3v12', 'M7 10l5 5 5-5', 'M4 19h16'],
  external: ['M14 4h6v6', 'M20 4l-9 9', 'M18 14v6H4V6h6'],
  quiz: ['M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z', 'M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3', 'M12 17h.01'],
};

export function KindIcon({ kind }: { kind: LessonKind }) {
  return (
    <svg className="kind-icon" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {PATHS[kind].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
