import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/app.css';
import './i18n/index';
import { App } from './App';
import { workspace } from './state/workspace';

// Exposed for end-to-end tests and debugging (read-only use); the UI never reads it.
(window as unknown as { __vepWorkspace?: typeof workspace }).__vepWorkspace = workspace;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
