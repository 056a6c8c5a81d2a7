// The shared look first, so each pane's stylesheet (imported by its component) can refine it.
import './app/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bridge } from './bridge/bridge';
import { applyLanguageSetting, initI18n } from './i18n/i18n';

// Words first: the first render already speaks the system's language; the saved choice
// (Settings › Language) follows as soon as main has opened the library.
initI18n();
bridge()
  .settings()
  .then(
    (settings) => applyLanguageSetting(settings.language),
    // Without settings the window stays in the system's language; main reports its own failure.
    () => undefined,
  );

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
