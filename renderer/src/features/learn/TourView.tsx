import { useEffect, useState } from 'react';
import {
  TOUR_STEPS,
  type TourCheck,
  type TourOutcome,
  type TourPlanStep,
  type TourStepId,
} from '../../../../shared/dto/tour';
import type { BerthError } from '../../../../shared/result';
import { Command } from '../../ui/Command';
import { Message } from '../../ui/Message';
import { useBerth } from '../../app/store';
import { CopyButton } from './CopyButton';
import { PROGRESS_KEY, readProgress, TOUR_TEXT } from './tour-steps';

type Busy = 'run' | 'check' | 'cleanup' | null;

/**
 * The hands-on tour. Progress (the steps whose check passed) is kept in localStorage, so leaving and coming back
 * resumes at the next step; every check asks the engine again rather than trusting that record.
 */
export function TourView() {
  const planTour = useBerth((s) => s.planTour);
  const runTourStep = useBerth((s) => s.runTourStep);
  const checkTourStep = useBerth((s) => s.checkTourStep);
  const cleanUpTour = useBerth((s) => s.cleanUpTour);
  const [plan, setPlan] = useState<readonly TourPlanStep[]>([]);
  const [done, setDone] = useState<readonly TourStepId[]>(() => readProgress(localStorage.getItem(PROGRESS_KEY)));
  const [outcome, setOutcome] = useState<TourOutcome | null>(null);
  const [check, setCheck] = useState<TourCheck | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [busy, setBusy] = useState<Busy>(null);

  useEffect(() => {
    void planTour().then((result) => (result.ok ? setPlan(result.value) : setError(result.error)));
  }, [planTour]);

  const current = TOUR_STEPS[done.length];
  const save = (next: readonly TourStepId[]) => {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(next));
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

  const run = async (step: TourStepId) => {
    setCheck(null);
    setOutcome(await attempt('run', () => runTourStep({ step })));
  };
  const verify = async (step: TourStepId) => {
    const answer = await attempt('check', () => checkTourStep({ step }));
    setCheck(answer);
    if (answer?.passed === true) {
      save([...done, step]);
      setOutcome(null);
    }
  };
  const startOver = async () => {
    const cleaned = await attempt('cleanup', () => cleanUpTour());
    if (cleaned === null) return;
    save([]);
    setOutcome(null);
    setCheck(null);
  };

  return (
    <div className="tour">
      <p>
        A hands-on walk through images, layers and containers on your own engine. Every step shows the docker command
        behind it; <strong>Check</strong> asks the engine whether it really happened. Everything the tour makes is
        labelled <code>berth.tour=1</code> and removed at the end.
      </p>
      <ol className="tour-steps" aria-label="Tour steps">
        {TOUR_STEPS.map((step, index) => {
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
                {TOUR_TEXT[step].title}
                {state === 'done' && <span className="sr-only"> (done)</span>}
              </h3>
              {state === 'current' && (
                <section aria-label={`Step ${index + 1}: ${TOUR_TEXT[step].title}`}>
                  <p>{TOUR_TEXT[step].text}</p>
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
