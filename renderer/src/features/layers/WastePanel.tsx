import { useEffect, useState } from 'react';
import type { LayerWaste } from '../../../../shared/dto/layers';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes } from '../../ui/format-bytes';
import { Message } from '../../ui/Message';
import { Explain } from '../learn/Explain';
import { efficiencyText, explainWaste } from '../images/explain';

/** Rows of the table at most; the totals count every item. */
const SHOWN = 100;

const stepText = (step: LayerWaste['items'][number]['wroteStep'], layer: number): string =>
  step ? `step ${step.index + 1}: ${step.instruction}` : `layer ${layer + 1}`;

/** Bytes that later layers overwrite or delete but that still ship: biggest first, with the steps to blame. */
export function WastePanel({ image }: { image: string }) {
  const layerWaste = useBerth((s) => s.layerWaste);
  const [waste, setWaste] = useState<LayerWaste | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  useEffect(() => {
    void layerWaste({ image }).then((r) => (r.ok ? setWaste(r.value) : setError(r.error)));
  }, [layerWaste, image]);

  if (error) return <ErrorNotice error={error} className="load-error" />;
  if (waste === null) return null;
  const notes = explainWaste(waste, image);
  const lead = notes[0];
  return (
    <section className="lf waste" aria-labelledby="waste-title">
      <h3 id="waste-title">Wasted space</h3>
      <p>
        <strong className="waste-score">{formatBytes(waste.wasted)} wasted</strong> · efficiency{' '}
        <strong>{efficiencyText(waste.efficiency)}</strong> <span className="muted">(dive’s score)</span>
      </p>
      {lead !== undefined && (
        <p>
          <Message text={lead} />
        </p>
      )}
      {waste.advice.length > 0 && (
        <ul className="waste-list" aria-label="What to change">
          {waste.advice.slice(0, 5).map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
      <Explain notes={notes} label="About wasted space" />
      {waste.items.length > 0 && (
        <table className="table table-compact" aria-label="Wasted files, biggest first">
          <thead>
            <tr>
              <th scope="col">Path</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">Written by</th>
              <th scope="col">Hidden by</th>
            </tr>
          </thead>
          <tbody>
            {waste.items.slice(0, SHOWN).map((item) => (
              <tr key={`${item.wroteLayer}:${item.path}`}>
                <td className="mono">/{item.path}</td>
                <td className="num">{formatBytes(item.bytes)}</td>
                <td>{stepText(item.wroteStep, item.wroteLayer)}</td>
                <td>
                  {stepText(item.hidStep, item.hidLayer)} ({item.how})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {waste.items.length > SHOWN && (
        <p className="muted">
          The {SHOWN} biggest of {waste.items.length}
          {waste.truncated ? '+' : ''} hidden files are shown.
        </p>
      )}
    </section>
  );
}
