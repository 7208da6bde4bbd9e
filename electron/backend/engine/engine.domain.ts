import { defineDomain } from '../core/domain';
import { engineHandlers } from './engine.handlers';
import { EngineSwitch } from './engine.switch';

declare module '../core/domain' {
  interface Services {
    /** The tray and menu switch engines through it too. */
    readonly engineSwitch: EngineSwitch;
  }
}

export const engineDomain = defineDomain({
  name: 'engine',
  make: ({ engine, settings, dialogs, machine }) => {
    const confirm = dialogs?.confirmEngine ? dialogs.confirmEngine.bind(dialogs) : null;
    const engineSwitch = new EngineSwitch(machine, settings, confirm);
    return { services: { engineSwitch }, handlers: engineHandlers(engine, engineSwitch) };
  },
});
