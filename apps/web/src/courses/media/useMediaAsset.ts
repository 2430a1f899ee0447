import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { call } from '../../api/call';
import type { MediaAsset } from '../model';

export type AssetState = { state: 'loading' } | { state: 'missing'; message: string } | { state: 'error'; message: string } | { state: 'ready'; asset: MediaAsset };

const POLL_MS = 2000;

/** An asset's record, asked again every 2 s while it is being processed (until ready or failed). */
export function useMediaAsset(assetId: string | null): { current: AssetState; reload(): void; replace(asset: MediaAsset): void } {
  const [current, setCurrent] = useState<AssetState>({ state: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!assetId) return;
    let live = true;
    let timer: number | undefined;
    const ask = async () => {
      const result = await call(api.GET('/api/v1/media/{assetId}', { params: { path: { assetId } } }));
      if (!live) return;
      if (result.ok) {
        setCurrent({ state: 'ready', asset: result.data });
        if (result.data.status === 'uploaded' || result.data.status === 'processing') timer = window.setTimeout(() => void ask(), POLL_MS);
      } else if (result.status === 404 || result.status === 403) {
        setCurrent({ state: 'missing', message: result.message });
      } else {
        setCurrent({ state: 'error', message: result.message });
        // A network failure while processing: keep asking, a little slower.
        if (result.status === null) timer = window.setTimeout(() => void ask(), POLL_MS * 3);
      }
    };
    void ask();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [assetId, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const replace = useCallback((asset: MediaAsset) => {
    setCurrent({ state: 'ready', asset });
    setRound((n) => n + 1);
  }, []);
  return { current: assetId ? current : { state: 'loading' }, reload, replace };
}
