import { useCallback, useEffect, useState } from 'react';
import { errorMessage, type ApiClient } from '../api/client';
import type { Vehicle } from '../api/types';

export type VehiclesState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; vehicles: Vehicle[] };

export function useVehicles(client: ApiClient): { state: VehiclesState; reload: () => void } {
  const [state, setState] = useState<VehiclesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // A late answer from an earlier attempt (or after unmount) must not overwrite newer state.
    let current = true;
    client.listVehicles().then(
      (vehicles) => current && setState({ status: 'ready', vehicles }),
      (error: unknown) => current && setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, reload };
}
