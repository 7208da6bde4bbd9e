import { useEffect, useState } from 'react';
import {
  type AnyTourStepId,
  type TourCheck,
  type TourId,
  type TourOutcome,
  type TourPlanStep,
  type TourStepRef,
} from '../../../../shared/dto/tour';
import { DATA_VOLUME } from '../../../../shared/cli/tour-data.cli';
import type { BerthError } from '../../../../shared/result';
import { Command } from '../../ui/Command';
import { Message } from '../../ui/Message';
import { useBerth } from '../../app/store';
import { CopyButton } from './CopyButton';
import { readProgress, TOURS } from './tour-steps';

type Busy = 'run' | 'check' | 'cleanup' | null;

/**
 * A hands-on tour (either of them: the steps, texts and progress come from TOURS). Progress (the steps whose check
 * passed) is kept in localStorage, so leaving and coming back resumes at the next step; every check asks the engine
 * again rather than trusting that record.
 */
export function TourView({ tour = 'images' }: { readonly tour?: TourId }) {
  const info = TOURS[tour];
  const steps = info.steps;
  const ref = (step: AnyTourStepId) => ({ tour, step }) as TourStepRef;
  const navigate = useBerth((s) => s.navigate);
  const planTour = useBerth((s) => s.planTour);
  const runTourStep = useBerth((s) => s.runTourStep);
  const checkTourStep = useBerth((s) => s.checkTourStep);
  const cleanUpTour = useBerth((s) => s.cleanUpTour);
  const [plan, setPlan] = useState<readonly TourPlanStep[]>([]);
  const [done, setDone] = useState<readonly AnyTourStepId[]>(() =>
    readProgress(localStorage.getItem(info.progressKey), steps),
  );
  const [outcome, setOutcome] = useState<TourOutcome | null>(null);
  const [check, setCheck] = useState<TourCheck | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [busy, setBusy] = useState<Busy>(null);

  useEffect(() => {
    void planTour({ tour }).then((result) => (result.ok ? setPlan(result.value) : setError(result.error)));
  }, [planTour, tour]);

  const current = steps[done.length];
  const save = (next: readonly AnyTourStepId[]) => {
    localStorage.setItem(info.progressKey, JSON.stringify(next));
    setDone(next);
  };
  const attempt = async <T,>(
    kind: Busy,
    work: () => Promise<{ ok: true; value: T } | { ok: false; error: BerthError }>,
  ) => {
    setBusy(kind);
    setError(null);
    const result = await work();
    setBusy(null);
    if (!result.ok) setError(result.error);
    return result.ok ? result.value : null;
  };

  const run = async (step: AnyTourStepId) => {
    setCheck(null);
    setOutcome(await attempt('run', () => runTourStep(ref(step))));
  };
  const verify = async (step: AnyTourStepId) => {
    const answer = await attempt('check', () => checkTourStep(ref(step)));
    setCheck(answer);
    if (answer?.passed === true) {
      save([...done, step]);
      setOutcome(null);
    }
  };
  const startOver = async () => {
    const cleaned = await attempt('cleanup', () => cleanUpTour());
    if (cleaned === null) return;
    // Cleanup removes what either tour made, so neither tour's record of checked steps still holds.
    for (const other of Object.values(TOURS)) localStorage.removeItem(other.progressKey);
    save([]);
    setOutcome(null);
    setCheck(null);
  };

  return (
    <div className="tour">
      <p>
        {info.intro} Every step shows the docker command behind it; <strong>Check</strong> asks the engine whether it
        really happened. Everything the tour makes is labelled <code>berth.tour=1</code> and removed at the end.
      </p>
      <ol className="tour-steps" aria-label="Tour steps">
        {steps.map((step, index) => {
          const text = info.text(step);
          const state = done.includes(step) ? 'done' : step === current ? 'current' : 'todo';
          const actions = plan.find((p) => p.step === step)?.actions ?? [];
          return (
            <li
              key={step}
              className="tour-step"
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <h3>
                <span className="tour-number" aria-hidden="true">
                  {state === 'done' ? '✓' : index + 1}
                </span>
                {text.title}
                {state === 'done' && <span className="sr-only"> (done)</span>}
              </h3>
              {state === 'current' && (
                <section aria-label={`Step ${index + 1}: ${text.title}`}>
                  <p>{text.text}</p>
                  {step !== 'cleanup' &&
                    actions.map((action) => (
                      <div key={action.command} className="transcript-line">
                        <Command>{action.command}</Command>
                        <CopyButton text={action.command} what={`command: ${action.command}`} />
                      </div>
                    ))}
                  <div className="tour-actions">
                    <button
                      type="button"
                      className="button button-primary"
                      aria-busy={busy === 'run'}
                      disabled={busy !== null}
                      onClick={() => void run(step)}
                    >
                      {step === 'cleanup' ? 'Clean up' : 'Do it'}
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-busy={busy === 'check'}
                      disabled={busy !== null}
                      onClick={() => void verify(step)}
                    >
                      Check
                    </button>
                  </div>
                  {outcome?.step === step && (
                    <pre className="tour-outcome" aria-label="What happened">
                      {outcome.lines.join('\n')}
                    </pre>
                  )}
                  {outcome?.step === step && outcome.link !== undefined && (
                    <p>
                      <a href={outcome.link} target="_blank" rel="noreferrer">
                        Open {outcome.link}
                      </a>{' '}
                      <span className="muted">(the published port, from this machine)</span>
                    </p>
                  )}
                  {tour === 'data' && step === 'look' && (
                    <p>
                      <button
                        type="button"
                        className="button"
                        onClick={() => navigate({ section: 'volumes', id: DATA_VOLUME })}
                      >
                        Browse {DATA_VOLUME} on the Volumes screen
                      </button>
                    </p>
                  )}
                </section>
              )}
            </li>
          );
        })}
      </ol>
      <div role="status" aria-label="Tour check" className="tour-check" data-passed={check?.passed ?? undefined}>
        {check !== null && (
          <p>
            <strong>{check.passed ? 'Check passed.' : 'Not yet.'}</strong> {check.detail}
          </p>
        )}
        {error !== null && <Message text={error.message} />}
      </div>
      {current === undefined && <p className="tour-finished">The tour is complete and left nothing behind.</p>}
      <p>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          aria-busy={busy === 'cleanup'}
          onClick={() => void startOver()}
        >
          Remove everything the tour made and start over
        </button>
      </p>
    </div>
  );
}
