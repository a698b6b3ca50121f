import { expect, test } from '@playwright/test';
import { getCommand, listVehicles, vehicleCard } from './api';

test('reading DTCs of an online vehicle shows the completed command', async ({ page, request }) => {
  const online = (await listVehicles(request)).find((vehicle) => vehicle.status === 'online');
  expect(online, 'the backend should seed at least one online vehicle').toBeDefined();
  if (!online) return;

  await page.goto('/');
  const card = vehicleCard(page, online);
  await card.getByRole('combobox', { name: 'Command', exact: true }).selectOption('read_dtc');
  await card.getByRole('button', { name: 'Send command' }).click();

  const result = card.getByTestId('command-result');
  await expect(result.getByTestId('command-status')).toHaveText('completed');
  const commandId = (await result.getByTestId('command-id').textContent())?.trim() ?? '';
  const stored = await getCommand(request, commandId);
  expect(stored).toMatchObject({ vehicle_id: online.id, command: 'read_dtc', status: 'completed' });
  expect(await result.getByTestId('command-result-body').textContent()).toBe(
    JSON.stringify(stored.result, null, 2),
  );
});

test('a command to an offline vehicle is shown as failed', async ({ page, request }) => {
  const offline = (await listVehicles(request)).find((vehicle) => vehicle.status === 'offline');
  test.skip(!offline, 'the backend seeds no offline vehicle');
  if (!offline) return;

  await page.goto('/');
  const card = vehicleCard(page, offline);
  await card.getByRole('button', { name: 'Send command' }).click();

  await expect(card.getByTestId('command-status')).toHaveText('failed');
  await expect(card.getByTestId('command-result-body')).toContainText('error');
});
