/** A command the user can type or copy; selectable as a whole with one click. */
export function Command({ children }: { children: string }) {
  return <code className="command">{children}</code>;
}
