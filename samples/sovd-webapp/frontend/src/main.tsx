import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createApiClient } from './api/client';
import './styles.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no element with id "root" to mount the app into.');
}

const client = createApiClient({ token: import.meta.env.VITE_API_TOKEN || undefined });

createRoot(container).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
