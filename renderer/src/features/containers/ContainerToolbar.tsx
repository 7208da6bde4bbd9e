import { useState } from 'react';
import * as text from '../../../../shared/cli/containers.cli';
import { DEFAULT_STOP_TIMEOUT_S, type ContainerOverview } from '../../../../shared/dto/containers';
import { Command } from '../../ui/Command';
import { useBerth } from '../../app/store';
import { KillDialog, RenameDialog, StopDialog, type Run } from './ActionDialogs';
import { CommitDialog } from './CommitDialog';
import { RemoveDialog } from './RemoveDialog';
import { canDo, type ContainerAction } from './availability';

type DialogName = 'stop' | 'kill' | 'rename' | 'commit' | 'remove';

function commandFor(action: ContainerAction, c: ContainerOverview): string {
  switch (action) {
    case 'start':
      return text.startAction(c.name).command;
    case 'stop':
      return text.stopAction(c.name, DEFAULT_STOP_TIMEOUT_S).command;
    case 'restart':
      return text.restartAction(c.name, DEFAULT_STOP_TIMEOUT_S).command;
    case 'pause':
      return text.pauseAction(c.name).command;
    case 'unpause':
      return text.unpauseAction(c.name).command;
    case 'kill':
      return text.killAction(c.name, 'SIGKILL').command;
    case 'remove':
      return text.removeAction(c.name, { force: false, volumes: false }).command;
    case 'rename':
      return text.renameAction(c.name, 'NEW-NAME').command;
    case 'commit':
      return text.commitAction(c.name, { repo: 'REPOSITORY' }).command;
    case 'terminal':
      return text.execAction(c.name, ['/bin/sh']).command;
    default:
      return action satisfies never;
  }
}

const BUTTONS: readonly { action: Exclude<ContainerAction, 'terminal'>; label: string; dialog?: DialogName }[] = [
  { action: 'start', label: 'Start' },
  { action: 'stop', label: 'Stop', dialog: 'stop' },
  { action: 'restart', label: 'Restart' },
  { action: 'pause', label: 'Pause' },
  { action: 'unpause', label: 'Unpause' },
  { action: 'kill', label: 'Kill', dialog: 'kill' },
  { action: 'rename', label: 'Rename', dialog: 'rename' },
  { action: 'commit', label: 'Commit', dialog: 'commit' },
  { action: 'remove', label: 'Remove', dialog: 'remove' },
];

/** The lifecycle buttons, each enabled only where it applies, with the docker command of the one under focus. */
export function ContainerToolbar({
  container,
  run,
  onEdit,
}: {
  container: ContainerOverview;
  run: Run;
  /** Opens edit and recreate (the page holds that dialog: it outlives the old container). */
  onEdit?: () => void;
}) {
  const startContainer = useBerth((s) => s.startContainer);
  const restartContainer = useBerth((s) => s.restartContainer);
  const pauseContainer = useBerth((s) => s.pauseContainer);
  const unpauseContainer = useBerth((s) => s.unpauseContainer);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [hint, setHint] = useState<ContainerAction>(container.state === 'running' ? 'stop' : 'start');
  const direct: Partial<Record<ContainerAction, () => Promise<boolean>>> = {
    start: () => run(() => startContainer({ id: container.id })),
    restart: () => run(() => restartContainer({ id: container.id })),
    pause: () => run(() => pauseContainer({ id: container.id })),
    unpause: () => run(() => unpauseContainer({ id: container.id })),
  };
  const close = () => setDialog(null);
  const props = { container, run, onClose: close };
  return (
    <div className="toolbar-block">
      <div className="ctr-toolbar" role="toolbar" aria-label="Container actions">
        {BUTTONS.map(({ action, label, dialog: name }) => (
          <button
            key={action}
            type="button"
            className={action === 'remove' ? 'button ctr-button-danger-quiet' : 'button'}
            disabled={!canDo(action, container.state)}
            onMouseEnter={() => setHint(action)}
            onFocus={() => setHint(action)}
            onClick={() => (name ? setDialog(name) : void direct[action]?.())}
          >
            {label}
          </button>
        ))}
        {onEdit && (
          <button type="button" className="button" onClick={onEdit}>
            Edit and recreate…
          </button>
        )}
      </div>
      <p className="ctr-toolbar-command">
        <span className="muted">{BUTTONS.find((b) => b.action === hint)?.label ?? 'Terminal'} from a terminal:</span>{' '}
        <Command>{commandFor(hint, container)}</Command>
      </p>
      {dialog === 'stop' && <StopDialog {...props} />}
      {dialog === 'kill' && <KillDialog {...props} />}
      {dialog === 'rename' && <RenameDialog {...props} />}
      {dialog === 'commit' && <CommitDialog {...props} />}
      {dialog === 'remove' && <RemoveDialog {...props} />}
    </div>
  );
}
