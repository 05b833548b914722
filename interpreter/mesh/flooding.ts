/**
 * Flooding link state over a node's direct links: announcing our own links
 * when they change (as the change, `lsa-change.ts`), taking what peers send
 * and passing on what is new, and answering a peer that asks for a whole
 * announcement. What the announcements mean (checks, caps, the topology) is
 * `topology.ts`; who the peers are is the node's mesh (`node-mesh.ts`).
 */
import type { Channel } from './channel.js';
import { applyLsaChange, lsaChange } from './lsa-change.js';
import { encode, MAX_MESH_NODES, type Lsa, type LsaChangeMessage } from './mesh-protocol.js';
import type { LinkState } from './topology.js';

export interface FloodingContext {
  readonly state: LinkState;
  /** The node's direct links by peer name (read, never changed here). */
  readonly peers: ReadonlyMap<string, Channel>;
  /** False for an embedded cluster's shared table: every node sees a write, nothing is sent. */
  readonly send: boolean;
  readonly log: (line: string) => void;
  /** Called when the link state held changed (pending requests are checked, watchers told). */
  readonly changed: () => void;
}

export class Flooding {
  /** Our announcement as the peers last heard it: the base of the next change we flood. */
  private announced: Lsa;
  /** Links whose refused link state was already logged (one line per link, whatever a peer floods). */
  private readonly refusedFrom = new WeakSet<Channel>();
  /** The version of each origin's announcement sent to answer `lsa-want` on a link (one answer per version). */
  private readonly wantsAnswered = new WeakMap<Channel, Map<string, number>>();

  constructor(private readonly ctx: FloodingContext) {
    this.announced = ctx.state.own();
  }

  /**
   * Tells every peer but `skip` how our links changed since they last heard,
   * then reports the change. With `reassert` (someone holds a newer
   * announcement of ours than we made) the whole announcement goes,
   * numbered above it: the peers hold that other one, not our base.
   */
  announce(reassert?: number, skip?: Channel): void {
    const { state, peers } = this.ctx;
    const neighbours = [...peers.keys()].sort();
    const own = state.own();
    const lsa = reassert !== undefined || !sameList(own.neighbours, neighbours) ? state.setNeighbours(neighbours, reassert ?? 0) : own;
    // A shared table: every node read the write already, and hears of it from the table.
    if (!this.ctx.send) return;
    if (lsa.seq !== this.announced.seq) {
      const frame = encode(reassert === undefined ? lsaChange(this.announced, lsa) : { type: 'lsa', lsa });
      for (const c of peers.values()) if (c !== skip) c.sendFrame(frame);
      this.announced = lsa;
    }
    this.ctx.changed();
  }

  /**
   * Merges announcements a peer sent (`from`, over `channel`) and floods the
   * new ones onward (as `frameOf` gives them: whole, or the change that
   * came). Refused ones (forged, too far ahead, over a cap) are dropped;
   * the first refusal on a link is logged.
   */
  take(lsas: readonly Lsa[], from: string, channel: Channel, frameOf = (lsa: Lsa): string => encode({ type: 'lsa', lsa })): void {
    let changed = false;
    let stale = -1;
    for (const lsa of lsas) {
      const r = this.ctx.state.merge(lsa);
      if (r === 'stale-self') stale = Math.max(stale, lsa.seq);
      if (r === 'refused' && !this.refusedFrom.has(channel)) {
        this.refusedFrom.add(channel);
        this.ctx.log(`refused link state for ${lsa.origin} from ${from} (unsigned, forged, or over a limit)`);
      }
      if (r !== 'new') continue;
      changed = true;
      const frame = frameOf(lsa);
      for (const [n, c] of this.ctx.peers) if (n !== from) c.sendFrame(frame);
    }
    if (stale >= 0) this.announce(stale);
    else if (changed) this.ctx.changed();
  }

  /**
   * A change of an announcement: applied to the one held when that is its
   * base, then taken as any announcement (and flooded on as the change).
   * When the base is not held (a change overtook the announcement it
   * changes, or this node never heard of the origin), the sender is asked
   * for the whole announcement: it holds one at least as new.
   */
  takeChange(change: LsaChangeMessage, from: string, channel: Channel): void {
    const held = this.ctx.state.announcement(change.origin);
    if (held && held.seq >= change.seq) return;
    const lsa = held && applyLsaChange(held, change);
    if (!lsa) return channel.send({ type: 'lsa-want', origin: change.origin });
    const frame = encode(change);
    this.take([lsa], from, channel, () => frame);
  }

  /** Sends the announcement of `origin` held, once per version and link: asking again cannot make this node send it over and over. */
  answerWant(origin: string, channel: Channel): void {
    const lsa = this.ctx.state.announcement(origin);
    if (!lsa) return;
    let answered = this.wantsAnswered.get(channel);
    if (!answered) this.wantsAnswered.set(channel, (answered = new Map()));
    if (answered.get(origin) === lsa.seq) return;
    if (answered.size >= MAX_MESH_NODES) answered.clear();
    answered.set(origin, lsa.seq);
    channel.send({ type: 'lsa', lsa });
  }
}

/** Whether two sorted lists are equal. */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
