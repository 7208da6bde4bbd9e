/** The sidebar icon of the Build section: a stack of layers with one more being added on top. */
export function BuildIcon() {
  return (
    <svg className="icon" width="16" height="16" viewBox="0 0 24 24" fill="none" aria-hidden="true" focusable="false">
      <path
        d="M3 15.5 12 20l9-4.5M3 11 12 15.5 21 11M12 3v7M8.5 6.5 12 10l3.5-3.5"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
