/** Small line icons drawn in currentColor; decorative, so hidden from assistive technology. */
import type { ReactNode } from 'react';

function Icon({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const ContainersIcon = () => (
  <Icon>
    <path d="M3.5 7.5 12 3l8.5 4.5v9L12 21l-8.5-4.5z" />
    <path d="M3.5 7.5 12 12l8.5-4.5M12 12v9" />
  </Icon>
);

export const ImagesIcon = () => (
  <Icon>
    <path d="m12 3 9 4.5-9 4.5-9-4.5z" />
    <path d="m3 12 9 4.5 9-4.5" />
    <path d="m3 16.5 9 4.5 9-4.5" />
  </Icon>
);

export const LearnIcon = () => (
  <Icon>
    <path d="M4 5.5A2.5 2.5 0 0 1 6.5 3H20v15H6.5A2.5 2.5 0 0 0 4 20.5z" />
    <path d="M4 20.5A2.5 2.5 0 0 0 6.5 23H20v-5" />
  </Icon>
);

export const AlertIcon = ({ size = 16 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 3 2.5 20h19z" />
    <path d="M12 10v4.5M12 17.5v.01" />
  </Icon>
);

export const PlugIcon = ({ size = 16 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M9 3v5M15 3v5M6.5 8h11v3.5a5.5 5.5 0 0 1-11 0z" />
    <path d="M12 17v4" />
  </Icon>
);

export const BerthMark = () => (
  <svg className="brand-mark" width={24} height={24} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="7" className="brand-mark-bg" />
    <path d="M8 12h16v9a3 3 0 0 1-3 3H11a3 3 0 0 1-3-3z" className="brand-mark-fg" />
    <path d="M11 12V9h10v3" fill="none" className="brand-mark-line" strokeWidth={2} />
  </svg>
);
