import { useCallback, useEffect, useRef, useState } from 'react';
import type { Outcome } from '../api/call';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; status: number | null; message: string } | { state: 'ready'; data: T };

/**
 * Loads what `load` answers, again when `key` changes (what it loads) and on `reload()` (then the
 * page keeps showing the previous answer meanwhile); an older answer never overwrites a newer one.
 * `load` null: nothing to load (yet).
 */
export function useLoaded<T>(load: (() => Promise<Outcome<T>>) | null, key: string): { loaded: Loaded<T>; reload(): void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastKey = useRef<string | null>(null);
  const enabled = load !== null;
  useEffect(() => {
    const current = loadRef.current;
    if (!current) return;
    let live = true;
    const sameKey = lastKey.current === key;
    lastKey.current = key;
    setLoaded((now) => (sameKey && now.state === 'ready' ? now : { state: 'loading' }));
    void current().then((result) => {
      if (live) setLoaded(result.ok ? { state: 'ready', data: result.data } : { state: 'error', status: result.status, message: result.message });
    });
    return () => {
      live = false;
    };
  }, [key, round, enabled]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { loaded, reload };
}
