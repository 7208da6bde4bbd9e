import { useShallow } from 'zustand/react/shallow';
import type { ImageDetail } from '../../../../shared/dto/images';
import type { ContainerSummary } from '../../../../shared/dto/lists';
import { useBerth } from '../../app/store';
import { containerNotes, containersListNotes, imageDetailNotes, imagesListNotes } from './explain-notes';
import { logsNotes, type LogsExplainInput } from './logs-notes';
import { networksListNotes, volumesListNotes } from './resources-notes';
import './learn.css';

/** A note's `backquoted` commands as code. */
const withCode = (note: string) =>
  note.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));

/** Plain-language notes shown only in explain mode. Screens pass notes computed by explain-notes.ts. */
export function Explain({ notes, label = 'Explanation' }: { notes: readonly string[]; label?: string }) {
  const on = useBerth((s) => s.explain);
  if (!on || notes.length === 0) return null;
  return (
    <aside className="explain" role="note" aria-label={label}>
      <ul>
        {notes.map((note) => (
          <li key={note}>{withCode(note)}</li>
        ))}
      </ul>
    </aside>
  );
}

/** Ready to mount above the images list. */
export function ImagesListExplain() {
  const images = useBerth(useShallow((s) => s.images));
  return <Explain notes={imagesListNotes(images)} label="About these images" />;
}

/** Ready to mount above the containers list. */
export function ContainersListExplain() {
  const containers = useBerth(useShallow((s) => s.containers));
  return <Explain notes={containersListNotes(containers)} label="About these containers" />;
}

/** Ready to mount above the volumes list. */
export function VolumesListExplain() {
  const volumes = useBerth(useShallow((s) => s.volumes));
  return <Explain notes={volumesListNotes(volumes)} label="About these volumes" />;
}

/** Ready to mount above the networks list. */
export function NetworksListExplain() {
  const networks = useBerth(useShallow((s) => s.networks));
  return <Explain notes={networksListNotes(networks)} label="About these networks" />;
}

export function ImageExplain({ image }: { image: ImageDetail }) {
  return <Explain notes={imageDetailNotes(image)} label="About this image" />;
}

export function ContainerExplain({ container }: { container: ContainerSummary }) {
  return <Explain notes={containerNotes(container)} label="About this container" />;
}

/** Above a log view; `view` is only read in explain mode, as counting its stderr lines walks the buffer. */
export function LogsExplain({ view }: { view: () => LogsExplainInput }) {
  const on = useBerth((s) => s.explain);
  return on ? <Explain notes={logsNotes(view())} label="About this log" /> : null;
}

/** The switch for explain mode, for a toolbar or the status bar. */
export function ExplainToggle() {
  const on = useBerth((s) => s.explain);
  const setExplain = useBerth((s) => s.setExplain);
  return (
    <button type="button" className="status-toggle" aria-pressed={on} onClick={() => setExplain(!on)}>
      Explain
    </button>
  );
}
