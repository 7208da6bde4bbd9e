import type { ReactNode } from 'react';

/** The header over a section: its title, a short line about what is shown, and the section's own controls. */
export function SectionHeader({ title, detail, children }: { title: string; detail?: string; children?: ReactNode }) {
  return (
    <header className="section-header">
      <div className="section-heading">
        <h1>{title}</h1>
        {detail !== undefined && <p className="section-detail">{detail}</p>}
      </div>
      {children !== undefined && <div className="section-tools">{children}</div>}
    </header>
  );
}
