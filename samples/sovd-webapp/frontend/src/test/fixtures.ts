import { vi } from 'vitest';
import type { ApiClient } from '../api/client';
import type { CommandRecord, Vehicle } from '../api/types';

export const VEHICLES: Vehicle[] = [
  { id: 'veh-001', name: 'Test Sedan', model: 'Sedan 2024', status: 'online' },
  { id: 'veh-002', name: 'Test Truck', model: 'Truck 2022', status: 'offline' },
];

export function commandRecord(overrides: Partial<CommandRecord> = {}): CommandRecord {
  return {
    id: 'cmd-1',
    vehicle_id: 'veh-001',
    command: 'read_dtc',
    parameters: {},
    status: 'completed',
    result: { dtcs: ['P0420'] },
    created_at: '2024-05-01T12:00:00Z',
    ...overrides,
  };
}

/** A client whose methods are spies; tests override the answers they care about. */
export function fakeClient(overrides: Partial<ApiClient> = {}): {
  [K in keyof ApiClient]: ReturnType<typeof vi.fn<ApiClient[K]>>;
} {
  return {
    listVehicles: vi.fn<ApiClient['listVehicles']>(
      overrides.listVehicles ?? (async () => VEHICLES),
    ),
    sendCommand: vi.fn<ApiClient['sendCommand']>(
      overrides.sendCommand ?? (async () => commandRecord()),
    ),
    getCommand: vi.fn<ApiClient['getCommand']>(
      overrides.getCommand ?? (async () => commandRecord()),
    ),
  };
}

/** A promise the test settles by hand, to observe in-between states. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
