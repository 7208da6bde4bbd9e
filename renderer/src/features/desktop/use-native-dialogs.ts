import { useEffect } from 'react';
import { useBerth } from '../../app/store';

/** Whether native file dialogs are there (the desktop app); the store asks main only once. */
export function useNativeDialogs(): boolean {
  const ask = useBerth((s) => s.askDesktopCapabilities);
  useEffect(() => {
    void ask();
  }, [ask]);
  return useBerth((s) => s.nativeDialogs);
}
