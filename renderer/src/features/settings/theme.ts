/**
 * The theme setting on the page: data-theme on <html> overrides prefers-color-scheme in tokens.css ('system'
 * removes it). In Electron, main also sets nativeTheme.themeSource, so native parts (scrollbars, dialogs) follow.
 */
import type { Theme } from '../../../../shared/dto/settings';
import type { BerthStore } from '../../app/store';

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Keeps <html data-theme> in step with the theme setting; returns the cleanup. */
export function followThemeSetting(store: BerthStore): () => void {
  applyTheme(store.getState().settings.theme);
  return store.subscribe((state, previous) => {
    if (state.settings.theme !== previous.settings.theme) applyTheme(state.settings.theme);
  });
}
