import { ExplainToggle } from './Explain';
import { TranscriptToggle } from './TranscriptPanel';

/** Explain mode and the command transcript, reachable from every section (mounted at the foot of the sidebar). */
export function LearnControls() {
  return (
    <div className="learn-controls" role="group" aria-label="Learning aids">
      <ExplainToggle />
      <TranscriptToggle />
    </div>
  );
}
