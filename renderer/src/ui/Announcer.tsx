import { useEffect, useState } from 'react';
import { subscribeAnnouncements, type Announcement } from './announce';

/**
 * The app's one polite live region (ui/announce.ts). It is in the page from the start, empty, so that screen
 * readers are already watching it when the first message arrives; each message is its own element, so two in a
 * row are both read.
 */
export function Announcer() {
  const [shown, setShown] = useState<readonly Announcement[]>([]);
  useEffect(() => subscribeAnnouncements(setShown), []);
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-label="Announcements">
      {shown.map((a) => (
        <p key={a.id}>{a.text}</p>
      ))}
    </div>
  );
}
