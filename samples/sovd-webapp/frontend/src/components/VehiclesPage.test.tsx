import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Vehicle } from '../api/types';
import { VEHICLES, deferred, fakeClient } from '../test/fixtures';
import { VehiclesPage } from './VehiclesPage';

describe('VehiclesPage', () => {
  it('shows a loading state, then one card per vehicle', async () => {
    const pending = deferred<Vehicle[]>();
    render(<VehiclesPage client={fakeClient({ listVehicles: () => pending.promise })} />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading vehicles…');
    pending.resolve(VEHICLES);

    const list = await screen.findByRole('list', { name: 'Vehicles' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveAttribute('data-vehicle-id', 'veh-001');
    expect(within(items[0]).getByRole('heading', { name: 'Test Sedan' })).toBeInTheDocument();
    expect(within(items[0]).getByTestId('vehicle-status')).toHaveTextContent('online');
    expect(within(items[1]).getByTestId('vehicle-model')).toHaveTextContent('Truck 2022');
    expect(within(items[1]).getByTestId('vehicle-status')).toHaveClass('badge-offline');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows the error and loads again on Retry', async () => {
    let calls = 0;
    const client = fakeClient({
      listVehicles: async () => {
        calls += 1;
        if (calls === 1) {
          throw new Error('GET /api/v1/vehicles failed with HTTP 503: starting.');
        }
        return VEHICLES;
      },
    });
    render(<VehiclesPage client={client} />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load vehicles: GET /api/v1/vehicles failed');

    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findAllByTestId('vehicle-item')).toHaveLength(2);
    expect(client.listVehicles).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when there are no vehicles', async () => {
    render(<VehiclesPage client={fakeClient({ listVehicles: async () => [] })} />);

    expect(await screen.findByTestId('vehicles-empty')).toHaveTextContent(
      'No vehicles are registered yet.',
    );
  });

  it('keeps the newer list when an older request answers late', async () => {
    const stale = deferred<Vehicle[]>();
    const { rerender } = render(
      <VehiclesPage client={fakeClient({ listVehicles: () => stale.promise })} />,
    );
    rerender(<VehiclesPage client={fakeClient({ listVehicles: async () => [VEHICLES[1]] })} />);
    expect(await screen.findByRole('heading', { name: 'Test Truck' })).toBeInTheDocument();

    stale.resolve([VEHICLES[0]]);
    await stale.promise;

    expect(screen.getAllByTestId('vehicle-item')).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Test Sedan' })).not.toBeInTheDocument();
  });
});
