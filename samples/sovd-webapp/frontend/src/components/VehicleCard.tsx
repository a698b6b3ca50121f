import { useId } from 'react';
import type { ApiClient } from '../api/client';
import type { Vehicle } from '../api/types';
import { CommandForm } from './CommandForm';

export function VehicleCard({ vehicle, client }: { vehicle: Vehicle; client: ApiClient }) {
  const headingId = useId();
  return (
    <article className="vehicle-card" aria-labelledby={headingId}>
      <header>
        <h2 id={headingId} data-testid="vehicle-name">
          {vehicle.name}
        </h2>
        <span className={`badge badge-${vehicle.status}`} data-testid="vehicle-status">
          {vehicle.status}
        </span>
      </header>
      <p className="vehicle-meta">
        <span data-testid="vehicle-model">{vehicle.model}</span> · ID{' '}
        <code data-testid="vehicle-id">{vehicle.id}</code>
      </p>
      <CommandForm vehicle={vehicle} client={client} />
    </article>
  );
}
