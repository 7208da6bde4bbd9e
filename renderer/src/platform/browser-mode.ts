import { buildBerthApi } from '../../../shared/api';
import type { BerthError } from '../../../shared/result';
import { createBridgeTransport, NOT_SIGNED_IN } from './bridge.transport';

const BRIDGE_LOST =
  'The page lost its connection to the Berth server. Berth keeps trying to reconnect; if you stopped the server, start it again with `npm run serve` and open the address it prints.';

/** Hears whether the bridge socket is up (the engine slice's linkDown/linkUp). */
export interface LinkListener {
  linkDown(error: BerthError): void;
  linkUp(): void;
}

/**
 * Browser mode: no preload defined window.berth, so it is built on the WebSocket bridge. Returns null in the desktop
 * app, else a function that reports the bridge's link state to the store once there is one.
 */
export function connectBrowserMode(): ((link: LinkListener) => void) | null {
  if (window.berth !== undefined) return null;
  const transport = createBridgeTransport();
  window.berth = buildBerthApi(transport);
  return (link) => {
    transport.onState((state) => {
      // Refused before any socket opened: most likely no (or a stale) token rather than a lost server.
      if (state === 'disconnected')
        link.linkDown({ code: 'BRIDGE_DISCONNECTED', message: transport.signedIn ? BRIDGE_LOST : NOT_SIGNED_IN });
      else if (state === 'connected') link.linkUp();
    });
  };
}
