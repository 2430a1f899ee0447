import { useEffect, useState } from 'react';
import { api } from './client';
import { call } from './call';

export type RegistrationMode = 'off' | 'open' | 'approval';

/** Whether self-registration is on (GET /registration); null while asking or when the api cannot be reached. */
export function useRegistrationMode(): RegistrationMode | null {
  const [mode, setMode] = useState<RegistrationMode | null>(null);
  useEffect(() => {
    let live = true;
    void call(api.GET('/api/v1/registration')).then((result) => {
      if (live && result.ok) setMode(result.data.mode);
    });
    return () => {
      live = false;
    };
  }, []);
  return mode;
}
