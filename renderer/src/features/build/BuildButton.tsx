import { useBerth } from '../../app/store';

/** Opens the Build screen; for headers of other sections (e.g. Images). */
export function BuildButton() {
  const navigate = useBerth((s) => s.navigate);
  return (
    <button type="button" className="button" onClick={() => navigate({ section: 'build' })}>
      Build an image…
    </button>
  );
}
