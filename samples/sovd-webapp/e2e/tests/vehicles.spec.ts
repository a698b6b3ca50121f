import { expect, test } from '@playwright/test';
import { listVehicles, vehicleCard } from './api';

test('the vehicles page shows every seeded vehicle', async ({ page, request }) => {
  const vehicles = await listVehicles(request);
  expect(vehicles.length, 'the backend should seed vehicles').toBeGreaterThan(0);

  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1, name: 'Vehicles' })).toBeVisible();
  await expect(page.getByTestId('vehicle-item')).toHaveCount(vehicles.length);
  for (const vehicle of vehicles) {
    const card = vehicleCard(page, vehicle);
    await expect(card.getByRole('heading', { name: vehicle.name })).toBeVisible();
    await expect(card.getByTestId('vehicle-model')).toHaveText(vehicle.model);
    await expect(card.getByTestId('vehicle-status')).toHaveText(vehicle.status);
  }
});

test('backend health goes to the backend, not to the SPA', async ({ request }) => {
  const response = await request.get('/health/ready');

  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ready' });
});

test('a client-side route still loads the app', async ({ page }) => {
  await page.goto('/vehicles/some/deep/link');

  await expect(page.getByRole('heading', { level: 1, name: 'Vehicles' })).toBeVisible();
});
