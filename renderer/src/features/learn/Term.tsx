import { useId, useState, type ReactNode } from 'react';
import { GLOSSARY, type GlossaryTerm } from './glossary';
import './learn.css';

/**
 * A glossary term in running text. Its definition shows on hover and on keyboard focus, is announced as the term's
 * description (aria-describedby on a role=tooltip element), and Escape hides it again (WCAG 1.4.13).
 */
export function Term({ name, children }: { name: GlossaryTerm; children?: ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="term-wrap" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <span
        className="term"
        tabIndex={0}
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      >
        {children ?? name}
      </span>
      <span role="tooltip" id={id} className="term-tip" data-open={open ? 'true' : 'false'}>
        <strong>{name}:</strong> {GLOSSARY[name]}
      </span>
    </span>
  );
}
