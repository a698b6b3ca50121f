import type { ApiClient } from './api/client';
import { VehiclesPage } from './components/VehiclesPage';

export function App({ client }: { client: ApiClient }) {
  return (
    <>
      <header className="app-header">
        <p className="app-title">SOVD Command WebApp</p>
      </header>
      <main>
        <VehiclesPage client={client} />
      </main>
    </>
  );
}
