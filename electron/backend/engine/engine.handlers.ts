import type { EngineConnection } from './engine.connection';
import type { DomainHandlers } from '../core/dispatcher.types';

export type EngineHandle = Pick<EngineConnection, 'status' | 'retry' | 'onStatus' | 'onEvent'>;

export function engineHandlers(engine: EngineHandle): DomainHandlers<'engine'> {
  return {
    requests: {
      'engine:status': () => engine.status(),
      'engine:retry': () => engine.retry(),
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
