import { DEFAULT_STOP_TIMEOUT_S } from '../../../shared/dto/containers';
import * as text from '../../../shared/cli/containers.cli';
import type { ActionText } from '../../../shared/cli/command';
import type { ContainersService } from './containers.service';
import { toBerthError } from '../engine/errors';
import { runBulk } from '../core/bulk';
import type { DomainHandlers } from '../core/dispatcher.types';
import type { Transcript } from '../core/transcript';

const SHELL = ['/bin/sh'];

export function containersHandlers(
  containers: ContainersService,
  transcript: Transcript,
): DomainHandlers<'containers'> {
  const exec = containers.exec;
  /** Every mutating action is recorded with the docker command that does the same, named as the user knows it. */
  const act = async <T>(id: string, describe: (name: string) => ActionText, work: () => Promise<T>): Promise<T> =>
    transcript.run(describe(await containers.nameOf(id)), work);

  return {
    requests: {
      'containers:list': (input) => containers.list({ all: input?.all ?? false }),
      'containers:inspect': ({ id }) => containers.inspect(id),
      'containers:inspectRaw': ({ id }) => containers.inspectRaw(id),
      'containers:changes': ({ id }) => containers.changes(id),
      'containers:top': ({ id }) => containers.top(id),
      'containers:run': (spec) => transcript.run(text.runAction(spec), () => containers.run(spec)),
      'containers:start': ({ id }) => act(id, text.startAction, () => containers.start(id)),
      'containers:stop': ({ id, timeout = DEFAULT_STOP_TIMEOUT_S }) =>
        act(
          id,
          (n) => text.stopAction(n, timeout),
          () => containers.stop(id, timeout),
        ),
      'containers:restart': ({ id, timeout = DEFAULT_STOP_TIMEOUT_S }) =>
        act(
          id,
          (n) => text.restartAction(n, timeout),
          () => containers.restart(id, timeout),
        ),
      'containers:pause': ({ id }) => act(id, text.pauseAction, () => containers.pause(id)),
      'containers:unpause': ({ id }) => act(id, text.unpauseAction, () => containers.unpause(id)),
      'containers:kill': ({ id, signal }) =>
        act(
          id,
          (n) => text.killAction(n, signal),
          () => containers.kill(id, signal),
        ),
      'containers:remove': ({ id, force, volumes }) =>
        act(
          id,
          (n) => text.removeAction(n, { force, volumes }),
          () => containers.remove(id, { force, volumes }),
        ),
      'containers:rename': ({ id, name }) =>
        act(
          id,
          (n) => text.renameAction(n, name),
          () => containers.rename(id, name),
        ),
      'containers:commit': ({ id, ...options }) =>
        act(
          id,
          (n) => text.commitAction(n, options),
          () => containers.commit(id, options),
        ),
      // Only the session (window or socket) that opened a terminal may use it.
      'containers:execInput': ({ sessionId, data }, caller) => exec.input(sessionId, data, caller.session),
      'containers:execResize': ({ sessionId, cols, rows }, caller) =>
        exec.resize(sessionId, cols, rows, caller.session),
      'containers:bulk': ({ action, ids, force = false, volumes = false, timeout = DEFAULT_STOP_TIMEOUT_S }) =>
        runBulk(transcript, {
          ids,
          nameOf: (id) => containers.nameOf(id),
          describe: (names) => text.bulkAction(action, names, { force, volumes, timeout }),
          work: (id) => {
            switch (action) {
              case 'start':
                return containers.start(id);
              case 'stop':
                return containers.stop(id, timeout);
              case 'restart':
                return containers.restart(id, timeout);
              case 'remove':
                return containers.remove(id, { force, volumes });
            }
          },
        }),
      'containers:lossPlan': ({ ids }) => containers.lossPlan(ids),
      'containers:editPlan': ({ id }) => containers.editPlan(id),
      'containers:recreate': async ({ id, spec, keepEnv, commitAs }) => {
        const plan = await containers.editPlan(id);
        const commitRef = commitAs ? text.commitReference(commitAs) : undefined;
        return transcript.run(
          text.recreateAction(plan.name, plan.id, spec, {
            running: plan.running,
            ...(commitRef ? { commitAs: commitRef } : {}),
          }),
          () => containers.recreate(id, { spec, keepEnv, ...(commitAs ? { commitAs } : {}) }),
        );
      },
    },
    streams: {
      'containers:stats': ({ ids }, sink) =>
        containers.watchStats(ids, {
          onSample: (sample) => sink.emit(sample),
          onDone: (error) => (error === undefined ? sink.end('stopped') : sink.fail(toBerthError(error))),
        }),
      'containers:exec': ({ id, command = SHELL, cols, rows }, sink) => {
        const request = { id, command, cols, rows };
        void act(
          id,
          (n) => text.execAction(n, command),
          () => exec.open(request, (c) => sink.emit(c), sink.signal, sink.caller.session),
        ).catch((error: unknown) => sink.fail(toBerthError(error)));
      },
    },
  };
}
