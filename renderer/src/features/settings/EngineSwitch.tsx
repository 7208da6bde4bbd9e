import { useState, type ReactNode } from 'react';
import type { EngineChoice } from '../../../../shared/dto/engine';
import { switchEngineText } from '../../../../shared/cli/engine.cli';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { CommandPreview, Dialog, DialogButtons } from '../../ui/Dialog';
import type { EngineTarget } from './engines.slice';

interface Question {
  readonly target: EngineTarget;
  readonly token: string;
  readonly address: string;
  readonly message: string;
  readonly command: string;
}

/**
 * Switching engines with main's question in between: a choice main found itself switches at once; for a typed
 * address (or plain tcp to another host) main answers with the risk in words, shown here before the user agrees.
 */
export function useEngineSwitch(): {
  readonly start: (
    target: EngineTarget,
    shown: Parameters<typeof switchEngineText>[0] & Pick<EngineChoice, 'kind' | 'name' | 'address'>,
  ) => Promise<void>;
  readonly busy: boolean;
  readonly error: BerthError | null;
  readonly done: string | null;
  readonly dialog: ReactNode;
} {
  const switchEngine = useBerth((s) => s.switchEngine);
  const [question, setQuestion] = useState<Question | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async (target: EngineTarget, command: string, address: string, token?: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    const outcome = await switchEngine(target, token);
    setBusy(false);
    if (!outcome.ok) {
      setQuestion(null);
      setError(outcome.error);
      return;
    }
    if (outcome.answer.state === 'confirm') {
      setQuestion({ target, token: outcome.answer.token, address, message: outcome.answer.message, command });
      return;
    }
    setQuestion(null);
    setDone(`Switched to ${address}.`);
  };

  const dialog = question ? (
    <Dialog title="Connect to this engine?" onClose={() => setQuestion(null)}>
      <p>
        <strong className="mono">{question.address}</strong>
      </p>
      <p>{question.message}</p>
      <CommandPreview command={question.command} />
      <DialogButtons>
        <button type="button" className="button" onClick={() => setQuestion(null)}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          aria-busy={busy}
          onClick={() => void run(question.target, question.command, question.address, question.token)}
        >
          Connect
        </button>
      </DialogButtons>
    </Dialog>
  ) : null;

  return {
    start: (target, shown) => run(target, switchEngineText(shown).command, shown.address),
    busy,
    error,
    done,
    dialog,
  };
}
