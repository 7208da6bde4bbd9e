import { BridgeLostScreen } from './components/BridgeLostScreen';
import { LoadingScreen } from './components/LoadingScreen';
import { Shell } from './components/Shell';
import { StatusBar } from './components/StatusBar';
import { UnreachableScreen } from './components/UnreachableScreen';
import { TranscriptPanel } from './learn/TranscriptPanel';
import { selectScreen } from './store/selectors';
import { useBerth } from './store/store';

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
    </div>
  );
}
