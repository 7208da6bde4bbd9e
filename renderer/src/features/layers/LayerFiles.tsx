import { useEffect, useState, type FormEvent } from 'react';
import { indexLayersAction, readLayerFileAction } from '../../../../shared/cli/layers.cli';
import type { LayerFile, LayerMatch, LayerSearchResult, LayersIndex } from '../../../../shared/dto/layers';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { Command } from '../../ui/Command';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadError } from '../../ui/ListStates';
import { formatBytes } from '../../ui/format-bytes';
import { FileTree } from './FileTree';
import { KIND_LABEL, modeText, type TreeEntry } from './layer-tree';
import { layerTitle } from './layer-words';
import { useLayerTree, type TreeView } from './use-layer-tree';
import { useSaveLayerFile } from './use-save-layer-file';
import './layers.css';

function FileDialog({
  image,
  layer,
  entry,
  onClose,
}: {
  image: string;
  layer: number;
  entry: TreeEntry;
  onClose: () => void;
}) {
  const readLayerFile = useBerth((s) => s.readLayerFile);
  const [file, setFile] = useState<LayerFile | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  useEffect(() => {
    void readLayerFile({ image, layer, path: entry.path }).then((r) => (r.ok ? setFile(r.value) : setError(r.error)));
  }, [readLayerFile, image, layer, entry.path]);
  return (
    <Dialog title={`/${entry.path}`} onClose={onClose} wide>
      <CommandPreview command={readLayerFileAction(image, entry.path).command} />
      <DialogError error={error} />
      {file === null && error === null && (
        <p role="status" aria-busy="true">
          Reading /{entry.path} from the saved image…
        </p>
      )}
      {file !== null && (
        <>
          <p className="muted">
            {formatBytes(file.size)} as of layer {layer + 1}, written by layer {file.layer + 1}.
          </p>
          {/* Text in a <pre>, never parsed as HTML. */}
          <pre className="lf-file" tabIndex={0} aria-label={`Contents of /${entry.path}`}>
            {file.text}
          </pre>
        </>
      )}
      <DialogButtons>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </DialogButtons>
    </Dialog>
  );
}

function Details({
  entry,
  onRead,
  saver,
  onSave,
}: {
  entry: TreeEntry;
  onRead: () => void;
  saver: ReturnType<typeof useSaveLayerFile>;
  onSave: () => void;
}) {
  const readable = entry.type === 'file' && entry.kind !== 'deleted';
  return (
    <section className="lf-details" aria-label="Selected path">
      <p>
        <code>/{entry.path}</code>{' '}
        {entry.kind !== null && <span className={`lf-badge lf-${entry.kind}`}>{KIND_LABEL[entry.kind]}</span>}
      </p>
      <p className="muted">
        {entry.kind === 'deleted'
          ? `Deleted here (a whiteout); the lower layers still hold ${formatBytes(entry.hides)} of it.`
          : entry.kind === 'opaque-dir'
            ? `Emptied here (an opaque folder): ${formatBytes(entry.hides)} from lower layers are hidden.`
            : `${entry.type}${entry.type === 'file' ? `, ${formatBytes(entry.size)}` : ''}, ${modeText(entry.mode, entry.type)}, owner ${entry.uid}:${entry.gid}${entry.link !== null ? `, points to ${entry.link}` : ''}`}
      </p>
      {readable && (
        <div className="button-row">
          <button type="button" className="button" onClick={onRead}>
            Read file
          </button>
          <button type="button" className="button" disabled={saver.busy} aria-busy={saver.busy} onClick={onSave}>
            Save file…
          </button>
        </div>
      )}
      {saver.busy && (
        <p role="status" aria-live="polite">
          Reading /{entry.path} from the saved image…
        </p>
      )}
      {saver.note !== null && (
        <p className="muted" role="status">
          {saver.note.text} Same as <Command>{saver.note.command}</Command>
        </p>
      )}
      <ErrorNotice error={saver.error} className="load-error" />
    </section>
  );
}

/** Result rows drawn at most: a plain list, not virtualised. */
const SHOWN_MATCHES = 200;

function Results({ result, onPick }: { result: LayerSearchResult; onPick: (m: LayerMatch) => void }) {
  const shown = Math.min(result.matches.length, SHOWN_MATCHES);
  return (
    <section className="lf-results" aria-label="Search results">
      <p role="status">
        {result.matches.length === 0
          ? `No path in any layer matches “${result.query}”.`
          : `${result.total.toLocaleString('en')} ${result.total === 1 ? 'path matches' : 'paths match'} “${result.query}” (${result.how === 'glob' ? 'glob' : 'part of the path'})${shown < result.total ? `; the first ${shown.toLocaleString('en')} are listed` : ''}.`}
      </p>
      {result.matches.length > 0 && (
        <ul className="lf-result-list">
          {result.matches.slice(0, SHOWN_MATCHES).map((m) => (
            <li key={`${m.layer}:${m.path}`}>
              <button type="button" className="link-button" onClick={() => onPick(m)}>
                /{m.path}
              </button>{' '}
              <span className="muted">
                {KIND_LABEL[m.kind]} in layer {m.layer + 1}
                {m.type === 'file' && m.kind !== 'deleted' ? `, ${formatBytes(m.size)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Every layer's files: pick a layer, see what it changed (or the whole filesystem as of it), search paths across
 * all layers and read small text files. Indexed from `docker save` once; later visits read the saved index.
 */
export function LayerFiles({ image }: { image: string }) {
  const indexLayers = useBerth((s) => s.indexLayers);
  const searchLayers = useBerth((s) => s.searchLayers);
  const [index, setIndex] = useState<LayersIndex | null>(null);
  const [indexError, setIndexError] = useState<BerthError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [layer, setLayer] = useState<number | null>(null);
  const [view, setView] = useState<TreeView>('changes');
  const [selectedPath, setSelected] = useState<string | null>(null);
  const [reading, setReading] = useState<TreeEntry | null>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<LayerSearchResult | null>(null);
  const [searchError, setSearchError] = useState<BerthError | null>(null);
  const [searching, setSearching] = useState(false);
  const [goTo, setGoTo] = useState<string | null>(null);
  const tree = useLayerTree(image, layer, view);
  const saver = useSaveLayerFile(image);

  useEffect(() => {
    void indexLayers({ image }).then((r) => {
      if (!r.ok) return setIndexError(r.error);
      setIndex(r.value);
      setLayer((l) => l ?? Math.max(0, r.value.layers.length - 1));
    });
  }, [indexLayers, image, attempt]);

  const { reveal, rows } = tree;
  useEffect(() => {
    if (goTo === null) return;
    void reveal(goTo).then((ok) => {
      if (!ok) return;
      setGoTo(null);
      setSelected(goTo);
    });
  }, [goTo, reveal]);
  const selected = selectedPath === null ? null : (rows.find((r) => r.entry.path === selectedPath)?.entry ?? null);

  if (indexError)
    return (
      <LoadError
        what="the files in the layers"
        error={indexError}
        onRetry={() => {
          setIndexError(null);
          setAttempt((a) => a + 1);
        }}
      />
    );
  if (index === null || layer === null)
    return (
      <div className="lf-indexing" role="status" aria-live="polite">
        <p>
          <progress aria-label="Reading the layers" /> Reading every layer of {image} from the engine (
          <Command>{indexLayersAction(image).command}</Command>). The first time takes a while for a big image; the
          index is kept, so later visits are quick.
        </p>
      </div>
    );

  const summary = index.layers[layer];
  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (query.trim() === '') return;
    setSearching(true);
    setSearchError(null);
    const r = await searchLayers({ image, query: query.trim() });
    setSearching(false);
    if (r.ok) setFound(r.value);
    else setSearchError(r.error);
  };
  const pick = (m: LayerMatch) => {
    setLayer(m.layer);
    setView('changes');
    setSelected(null);
    setGoTo(m.path);
  };

  return (
    <section className="lf" aria-labelledby="lf-title">
      <h3 id="lf-title">Files in the layers</h3>
      {index.indexedNow > 0 && (
        <p className="muted" role="status">
          Read {index.indexedNow} {index.indexedNow === 1 ? 'layer' : 'layers'} in {(index.elapsedMs / 1000).toFixed(1)}{' '}
          s.
        </p>
      )}
      <div className="lf-bar">
        <label>
          Layer{' '}
          <select
            value={layer}
            onChange={(e) => {
              setLayer(Number(e.target.value));
              setSelected(null);
            }}
          >
            {index.layers.map((l) => (
              <option key={l.index} value={l.index}>
                {layerTitle(l, index.layers.length)}
              </option>
            ))}
          </select>
        </label>
        <label className="lf-check">
          <input
            type="checkbox"
            checked={view === 'changes'}
            onChange={(e) => {
              setView(e.target.checked ? 'changes' : 'merged');
              setSelected(null);
            }}
          />{' '}
          Only what this layer changed
        </label>
        <form className="lf-search" role="search" onSubmit={(e) => void search(e)}>
          <input
            type="search"
            aria-label="Search paths in all layers"
            placeholder="Path, part of one, or a glob like **/*.conf"
            value={query}
            maxLength={500}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="submit" className="button" disabled={searching || query.trim() === ''} aria-busy={searching}>
            Search
          </button>
        </form>
      </div>
      <ErrorNotice error={searchError} className="load-error" />
      {found !== null && <Results result={found} onPick={pick} />}
      {summary && (
        <p className="lf-summary">
          {view === 'changes'
            ? `Layer ${layer + 1} adds ${summary.added}, modifies ${summary.modified} and deletes ${summary.deleted} ${summary.added + summary.modified + summary.deleted === 1 ? 'path' : 'paths'}${summary.opaqueDirs > 0 ? `, and empties ${summary.opaqueDirs} ${summary.opaqueDirs === 1 ? 'folder' : 'folders'}` : ''}; its files hold ${formatBytes(summary.size)}.`
            : `The filesystem a container would see if the image stopped at layer ${layer + 1}; files written by this layer are marked.`}
        </p>
      )}
      <ErrorNotice error={tree.error} className="load-error" />
      {tree.loading && (
        <p role="status" aria-busy="true">
          Loading the tree…
        </p>
      )}
      {tree.ready && rows.length === 0 && (
        <p className="muted">{view === 'changes' ? 'This layer changes no file.' : 'This layer holds no file.'}</p>
      )}
      <div className="lf-main">
        {rows.length > 0 && (
          <FileTree
            rows={rows}
            label={view === 'changes' ? `Changes in layer ${layer + 1}` : `Filesystem as of layer ${layer + 1}`}
            view={view}
            layer={layer}
            selected={selected?.path ?? null}
            onSelect={(entry) => {
              setSelected(entry.path);
              saver.reset();
            }}
            onToggle={tree.toggle}
            onOpen={setReading}
          />
        )}
        {selected !== null && (
          <Details
            entry={selected}
            onRead={() => setReading(selected)}
            saver={saver}
            onSave={() => void saver.save(layer, selected.path)}
          />
        )}
      </div>
      {reading !== null && <FileDialog image={image} layer={layer} entry={reading} onClose={() => setReading(null)} />}
    </section>
  );
}
