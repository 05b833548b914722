/**
 * minimega 3.1's ordering: no node-wide command lock. Every line and every
 * command from the mesh runs at once as its own task (3.1 gives each its own
 * goroutine), so two nodes fanning out to each other cannot deadlock and
 * commands from different clients may interleave. The one thing serialised
 * is the node's outgoing mesh traffic: at most one send (a `mesh send` or a
 * fan-out leg) waits for replies at a time; later ones queue in order.
 * A client's own lines stay in order because every front end and client
 * session hands the node one line at a time.
 */
import type { CommandOrdering } from './command-ordering.js';

/** Creates the send queue (3.1's ordering). */
export function createSendQueue(): CommandOrdering {
  let running = 0;
  let sending = false;
  const waiting: (() => void)[] = [];

  // The finishing send hands its turn straight to the next one, so nothing slips in between.
  const next = (): void => {
    const go = waiting.shift();
    if (go) go();
    else sending = false;
  };

  return {
    async run(_kind, fn) {
      running++;
      try {
        return await fn();
      } finally {
        running--;
      }
    },
    async send(start) {
      if (sending) await new Promise<void>((go) => waiting.push(go));
      sending = true;
      try {
        return await start();
      } finally {
        next();
      }
    },
    depth: () => running,
    queued: () => waiting.length,
  };
}
