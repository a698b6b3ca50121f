import type { ApiClient } from '../api/client';
import { useVehicles, type VehiclesState } from '../hooks/useVehicles';
import { VehicleCard } from './VehicleCard';

function VehiclesContent({
  state,
  reload,
  client,
}: {
  state: VehiclesState;
  reload: () => void;
  client: ApiClient;
}) {
  switch (state.status) {
    case 'loading':
      return (
        <p role="status" data-testid="vehicles-loading">
          Loading vehicles…
        </p>
      );
    case 'error':
      return (
        <div role="alert" className="error" data-testid="vehicles-error">
          <p>Could not load vehicles: {state.message}</p>
          <button type="button" onClick={reload}>
            Retry
          </button>
        </div>
      );
    case 'ready':
      if (state.vehicles.length === 0) {
        return <p data-testid="vehicles-empty">No vehicles are registered yet.</p>;
      }
      return (
        <ul className="vehicle-list" aria-label="Vehicles" data-testid="vehicle-list">
          {state.vehicles.map((vehicle) => (
            <li key={vehicle.id} data-testid="vehicle-item" data-vehicle-id={vehicle.id}>
              <VehicleCard vehicle={vehicle} client={client} />
            </li>
          ))}
        </ul>
      );
  }
}

export function VehiclesPage({ client }: { client: ApiClient }) {
  const { state, reload } = useVehicles(client);
  return (
    <section aria-labelledby="vehicles-heading">
      <h1 id="vehicles-heading">Vehicles</h1>
      <VehiclesContent state={state} reload={reload} client={client} />
    </section>
  );
}
