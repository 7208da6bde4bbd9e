/** For integration tests: wait until a backend's engine status passes a check (connected, unreachable, ...). */
import type { EngineStatus } from '../../shared/dto/engine';
import type { Backend } from './index';

export function waitForStatus(
  backend: Backend,
  accept: (s: EngineStatus) => boolean,
  ms = 10_000,
): Promise<EngineStatus> {
  return new Promise((resolve, reject) => {
    if (accept(backend.engine.status())) return resolve(backend.engine.status());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`status never matched in ${ms} ms; last: ${JSON.stringify(backend.engine.status())}`));
    }, ms);
    const off = backend.engine.onStatus((s) => {
      if (!accept(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}
