/** The sidebar icon of the Logs section: lines of text of different lengths. */
export function LogsIcon() {
  return (
    <svg
      className="icon"
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M4 6h16M4 10h11M4 14h16M4 18h8" />
    </svg>
  );
}
