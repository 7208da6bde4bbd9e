import { defineDomain } from '../core/domain';
import { engineHandlers } from './engine.handlers';
import { EngineSwitch } from './engine.switch';
import { tlsCheck } from './engine.tls';

declare module '../core/domain' {
  interface Services {
    /** The tray and menu switch engines through it too. */
    readonly engineSwitch: EngineSwitch;
  }
}

export const engineDomain = defineDomain({
  name: 'engine',
  make: ({ engine, settings, dialogs, machine, paths }) => {
    const confirm = dialogs?.confirmEngine ? dialogs.confirmEngine.bind(dialogs) : null;
    const engineSwitch = new EngineSwitch(machine, settings, confirm, Date.now, tlsCheck(paths));
    return { services: { engineSwitch }, handlers: engineHandlers(engine, engineSwitch) };
  },
});
