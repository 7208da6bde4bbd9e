/**
 * One-use tickets for downloads and uploads in the browser mode: the page asks for one over the authenticated
 * API and then fetches `<prefix><ticket>`, so the long-lived API token never appears in an address the browser
 * keeps in its history. A ticket lasts a minute and is spent by its first use.
 */
import { randomBytes } from 'node:crypto';

const TICKET_TTL_MS = 60_000;

export class TicketBook<T> {
  private readonly tickets = new Map<string, { readonly value: T; readonly expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new ticket id for `value`. */
  issue(value: T): string {
    // Tickets asked for and never used would otherwise pile up until the next transfer.
    this.dropExpired();
    const id = randomBytes(16).toString('hex');
    this.tickets.set(id, { value, expires: this.now() + TICKET_TTL_MS });
    return id;
  }

  /** The ticket's value if it is known, unused, unexpired and `accept`ed; it is spent then. */
  redeem(id: string, accept: (value: T) => boolean = () => true): T | null {
    this.dropExpired();
    const ticket = /^[0-9a-f]{32}$/.test(id) ? this.tickets.get(id) : undefined;
    if (ticket === undefined || !accept(ticket.value)) return null;
    this.tickets.delete(id);
    return ticket.value;
  }

  private dropExpired(): void {
    for (const [key, t] of this.tickets) if (t.expires < this.now()) this.tickets.delete(key);
  }
}
