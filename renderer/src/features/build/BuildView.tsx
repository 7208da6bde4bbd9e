import { SectionHeader } from '../../ui/SectionHeader';
import { BuildForm } from './BuildForm';
import { BuildHistoryPanel } from './BuildHistoryPanel';
import { BuildResult } from './BuildResult';
import { BuildSteps } from './BuildSteps';
import { ContextPreviewPanel } from './ContextPreviewPanel';
import './build.css';

/** The Build section: choose a folder, see what will be sent, build, and read how the result was made. */
export function BuildView() {
  return (
    <>
      <SectionHeader title="Build" detail="Make an image from a folder with a Dockerfile" />
      <main className="content build-screen">
        <BuildForm />
        <ContextPreviewPanel />
        <BuildSteps />
        <BuildResult />
        <BuildHistoryPanel />
      </main>
    </>
  );
}
