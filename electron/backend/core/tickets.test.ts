import { describe, expect, it } from 'vitest';
import { TicketBook } from './tickets';

describe('TicketBook', () => {
  it('gives a ticket once, only to a 32-hex id, only while it lasts, and only if accepted', () => {
    let now = 0;
    const book = new TicketBook<{ kind: string }>(() => now);
    const id = book.issue({ kind: 'save' });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(book.redeem(id, (t) => t.kind === 'load')).toBeNull();
    expect(book.redeem(id.toUpperCase())).toBeNull();
    expect(book.redeem(id)).toEqual({ kind: 'save' });
    expect(book.redeem(id)).toBeNull();
    const late = book.issue({ kind: 'save' });
    now += 60_001;
    expect(book.redeem(late)).toBeNull();
  });
});
