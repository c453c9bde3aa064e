import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { registerServiceWorker, removeServiceWorkers } from './pwa/service-worker';
import './app.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
// Only the built app has a service worker: the dev server's modules change on every edit.
if (import.meta.env.PROD) registerServiceWorker();
else removeServiceWorkers();
