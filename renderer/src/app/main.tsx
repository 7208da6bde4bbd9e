import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startShellActions } from './shell-actions';
import { followThemeSetting } from '../features/settings/theme';
import { createBerthStore, StoreProvider } from './store';
import { connectBrowserMode } from '../platform/browser-mode';
import '../styles/app.css';

const wireLink = connectBrowserMode();
const store = createBerthStore(window.berth);
wireLink?.(store.getState());
store.getState().startEngine();
store.getState().startSettings();
followThemeSetting(store);
// The desktop app has a menu with these shortcuts; the browser mode listens to the keyboard itself.
startShellActions(store, { keyboard: wireLink !== null, mac: /Mac/.test(navigator.userAgent) });

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
