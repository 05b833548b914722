/**
 * A channel between a handshake and its session (interpreter/mesh/channel.ts
 * `hold`): over a WebSocket, the frames that share a packet with a
 * handshake's last message arrive in the same turn, before the code awaiting
 * the handshake has set the session's handler. A joiner lost the link state
 * its listener flooded right after the welcome, and with it a node of the
 * mesh for good (a fresh clone's CI run: n3 never learned of n2). Those
 * messages are now kept for the session's handler, in order.
 */
import { describe, expect, it } from 'vitest';
import { Channel } from '../../interpreter/mesh/channel.js';
import { encode, type Message } from '../../interpreter/mesh/mesh-protocol.js';
import type { Link, LinkHandlers } from '../../interpreter/mesh/transport.js';

/** A link whose frames the test delivers, several in one turn as a socket's chunk does. */
function fakeLink(): { link: Link; deliver: (...ms: Message[]) => void; close: (reason: string) => void; sent: string[] } {
  let handlers: LinkHandlers | undefined;
  const sent: string[] = [];
  const link: Link = {
    remote: 'test',
    send: (f) => sent.push(f),
    close: (reason) => handlers?.closed(reason),
    start: (h) => {
      handlers = h;
    },
  };
  const deliver = (...ms: Message[]): void => {
    for (const m of ms) handlers!.frame(encode(m));
  };
  return { link, deliver, close: (r) => handlers!.closed(r), sent };
}

const ping = (nonce: string): Message => ({ type: 'ping', nonce });

describe('a channel held between handshake and session', () => {
  it('hands the messages that came with the last one of the handshake to the session, in order, before later ones', async () => {
    const { link, deliver } = fakeLink();
    const channel = new Channel(link);
    const seen: string[] = [];
    // The handshake's handler: its last message ends it, and the channel is held.
    channel.on({
      message: (m) => {
        seen.push(`handshake ${m.type}`);
        if (m.type === 'ready') channel.hold();
      },
      closed: () => seen.push('handshake closed'),
    });
    // One chunk: the handshake's last message and the session's first two.
    deliver({ type: 'ready' }, ping('a'), ping('b'));
    // The code awaiting the handshake sets the session's handler a turn later, and does its set-up.
    await Promise.resolve();
    channel.on({ message: (m) => seen.push(`session ${m.type} ${(m as { nonce?: string }).nonce ?? ''}`), closed: (r) => seen.push(`session closed ${r}`) });
    seen.push('set-up done');
    await Promise.resolve();
    deliver(ping('c'));
    expect(seen).toEqual(['handshake ready', 'set-up done', 'session ping a', 'session ping b', 'session ping c']);
  });

  it('tells the session of a close that came while held, after the held messages', async () => {
    const { link, deliver, close } = fakeLink();
    const channel = new Channel(link);
    const seen: string[] = [];
    channel.on({ message: () => channel.hold(), closed: () => seen.push('handshake closed') });
    deliver({ type: 'ready' }, ping('a'));
    close('peer went away');
    channel.on({ message: (m) => seen.push(`session ${m.type}`), closed: (r) => seen.push(`session closed: ${r}`) });
    await Promise.resolve();
    expect(seen).toEqual(['session ping', 'session closed: peer went away']);
    expect(channel.isOpen).toBe(false);
  });

  it('closes a link that sends more than it may before the session starts', () => {
    const { link, deliver } = fakeLink();
    const channel = new Channel(link);
    let closed = '';
    channel.on({ message: () => channel.hold(), closed: () => {} });
    deliver({ type: 'ready' });
    link.close = (reason) => {
      closed = reason;
    };
    for (let i = 0; i < 1100 && closed === ''; i++) deliver(ping(String(i)));
    expect(closed).toMatch(/more than 1024 messages before the session started/);
  });
});
