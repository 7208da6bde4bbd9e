import type { EngineConnection } from './engine.connection';
import type { DomainHandlers } from '../core/dispatcher.types';
import type { EngineSwitch } from './engine.switch';

export type EngineHandle = Pick<EngineConnection, 'status' | 'retry' | 'onStatus' | 'onEvent'>;

export function engineHandlers(engine: EngineHandle, switcher: EngineSwitch): DomainHandlers<'engine'> {
  return {
    requests: {
      'engine:status': () => engine.status(),
      'engine:retry': () => engine.retry(),
      'engine:choices': () => switcher.choices(),
      'engine:use': (input) => switcher.use(input),
    },
    streams: {
      'engine:watch': (_input, sink) => {
        sink.emit(engine.status());
        return engine.onStatus((status) => sink.emit(status));
      },
      'engine:events': (_input, sink) => engine.onEvent((event) => sink.emit(event)),
    },
  };
}
