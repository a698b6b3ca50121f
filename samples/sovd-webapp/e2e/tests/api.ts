import { expect, type APIRequestContext, type Page } from '@playwright/test';

export interface Vehicle {
  id: string;
  name: string;
  model: string;
  status: 'online' | 'offline';
}

export interface CommandRecord {
  id: string;
  vehicle_id: string;
  command: string;
  status: string;
  result: unknown;
}

// The specs read the API directly (through the same proxy as the UI) to know what to expect;
// E2E_API_TOKEN is needed only when the backend runs with SOVD_API_TOKEN.
function headers(): Record<string, string> {
  const token = process.env.E2E_API_TOKEN;
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path, { headers: headers() });
  expect(response.status(), `GET ${path} through the UI's proxy`).toBe(200);
  return (await response.json()) as T;
}

export function listVehicles(request: APIRequestContext): Promise<Vehicle[]> {
  return getJson<Vehicle[]>(request, '/api/v1/vehicles');
}

export function getCommand(request: APIRequestContext, id: string): Promise<CommandRecord> {
  return getJson<CommandRecord>(request, `/api/v1/commands/${encodeURIComponent(id)}`);
}

export function vehicleCard(page: Page, vehicle: Vehicle) {
  return page.locator(`[data-testid="vehicle-item"][data-vehicle-id="${vehicle.id}"]`);
}
