import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { buildBerthApi } from '../../../shared/api';
import { App } from './App';
import { startShellActions } from './shell-actions';
import { followThemeSetting } from '../features/settings/theme';
import { createBerthStore, StoreProvider, type BerthStore } from './store';
import { createBridgeTransport } from '../platform/bridge.transport';
import '../styles/app.css';

const NO_TOKEN =
  'This page was opened without its access token. Open the full address that `npm run serve` printed, token included.';
const BRIDGE_LOST =
  'The page lost its connection to the Berth server. Berth keeps trying to reconnect; if you stopped the server, start it again with `npm run serve` and open the address it prints.';

/** Browser mode: no preload defined window.berth, so it is built on the WebSocket bridge. */
function connectBrowserMode(): ((store: BerthStore) => void) | null {
  if (window.berth !== undefined) return null;
  const transport = createBridgeTransport();
  window.berth = buildBerthApi(transport);
  return (store) => {
    const { linkDown, linkUp } = store.getState();
    // Without a token the transport never connects and never changes state: say so at once.
    if (transport.state === 'disconnected') linkDown({ code: 'BRIDGE_DISCONNECTED', message: NO_TOKEN });
    transport.onState((state) => {
      if (state === 'disconnected') linkDown({ code: 'BRIDGE_DISCONNECTED', message: BRIDGE_LOST });
      else if (state === 'connected') linkUp();
    });
  };
}

const wireLink = connectBrowserMode();
const store = createBerthStore(window.berth);
wireLink?.(store);
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
