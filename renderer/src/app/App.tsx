import { BridgeLostScreen } from './BridgeLostScreen';
import { LoadingScreen } from './LoadingScreen';
import { Shell } from './Shell';
import { StatusBar } from './StatusBar';
import { UnreachableScreen } from './UnreachableScreen';
import { TranscriptPanel } from '../features/learn/TranscriptPanel';
import { Announcer } from '../ui/Announcer';
import { selectScreen } from './selectors';
import { useBerth } from './store';

export function App() {
  const screen = useBerth(selectScreen);
  return (
    <div className="app">
      <div className="app-body">
        {screen === 'shell' && <Shell />}
        {screen === 'loading' && <LoadingScreen />}
        {screen === 'unreachable' && <UnreachableScreen />}
        {screen === 'link-lost' && <BridgeLostScreen />}
      </div>
      <StatusBar />
      <TranscriptPanel />
      <Announcer />
    </div>
  );
}
