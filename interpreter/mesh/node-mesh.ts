/**
 * A node's mesh: the MeshPort the runtime talks to, on top of a Transport.
 * This file keeps the node's direct links (joining, `--peer` links kept up,
 * hang-ups); link state is flooded by `flooding.ts` (held in `topology.ts`); commands travel through
 * `message-router.ts`, clients are served by `client-sessions.ts`, and what arrives for the
 * node goes to the inbox it was created with. Liveness (decision 4)
 * comes from the transport closing dead links: the topology changes at once
 * and every request on a broken route ends (`requests.ts`).
 */
import { createLanguageService, type LanguageService } from '../../language/index.js';
import type { NodeInbox } from '../contracts/delivery.js';
import type { MeshPort, RemoteCommand } from '../contracts/mesh-port.js';
import type { Response } from '../contracts/responses.js';
import { openAuth, type Authenticator } from './auth.js';
import { Channel, type ChannelHandlers } from './channel.js';
import { acceptHandshake, dialHandshake, HandshakeError, type HandshakeContext } from './handshake.js';
import { openIdentity, type NodeIdentity } from './identity.js';
import { ErrorCode, type ErrorMessage, type Message, type Routed } from './mesh-protocol.js';
import { Flooding } from './flooding.js';
import { Requests } from './requests.js';
import { Router } from './message-router.js';
import { serveClient } from './client-sessions.js';
import { LinkState, type LsaTable } from './topology.js';
import { systemClock, type Clock, type Link, type Stop, type Transport } from './transport.js';

export interface MeshOptions {
  readonly transport: Transport;
  /** Proofs for joining (default: no secret). */
  readonly auth?: Authenticator;
  /** This node's key and the trusted keys of the others (default: none; needs `auth` when secure). */
  readonly identity?: NodeIdentity;
  /** This process's instance id (default: a random one). */
  readonly instance?: string;
  readonly clock?: Clock;
  /** Port `mesh status` shows until `listen` learns the real one (2.3's default 9000). */
  readonly port?: number;
  /** Handshake time limit in ms (default 10 s). */
  readonly handshakeMs?: number;
  /** Where mesh events are reported (peers joining and leaving). */
  readonly log?: (line: string) => void;
  /** Called when a command from the mesh or a client asked this node to quit (default: leave the mesh). */
  readonly onQuit?: () => void;
  /**
   * Called when `keep` gives up on an address: MAX_AUTH_FAILURES handshakes
   * in a row refused for authentication (a wrong secret or key does not
   * mend by retrying). `why` is the last refusal.
   */
  readonly onGiveUp?: (address: string, why: string) => void;
  /** What re-validates received commands and wraps sent ones for a namespace (the node's: `attachMesh` gives it; default: one of its own). */
  readonly language?: LanguageService;
  /**
   * Link state shared by every node of an embedded cluster (one process,
   * in-memory links): announcements are written there, never sent.
   */
  readonly sharedLinks?: LsaTable;
}

/** Distinct (host, reason) refusals remembered so that each is logged once. */
const MAX_REMEMBERED_REFUSALS = 1024;

/** Authentication failures in a row after which `keep` stops dialling an address. */
export const MAX_AUTH_FAILURES = 5;

/** A node's mesh, as the CLI and the embedded cluster drive it. */
export interface Mesh extends MeshPort {
  /** Starts accepting peers and clients; resolves with the address to dial. */
  listen(): Promise<string>;
  /** Links to the node at `address`; resolves with its name. */
  connect(address: string): Promise<string>;
  /** Keeps a link to `address` (dialled again with backoff); resolves after the first attempt. */
  keep(address: string): Promise<void>;
  /** Takes already connected links to known peers, without handshake, and announces them once (in-process clusters). */
  adopt(links: readonly (readonly [Link, string])[]): void;
  /**
   * Calls `f` after every change of what this node knows of the mesh (its
   * links, or link state it took), until the returned function is called:
   * a front end waiting for nodes to appear reacts instead of polling.
   */
  onChange(f: () => void): () => void;
  /** Work its link state did so far: topologies computed and links looked at (tests assert its growth). */
  linkStateWork(): { readonly computed: number; readonly visited: number };
  /** Closes every link and the transport; pending requests end with errors. */
  close(): Promise<void>;
}

/**
 * Creates the mesh of the node named `name`; commands and client lines that
 * arrive for it are delivered to `inbox`.
 */
export function createNodeMesh(name: string, inbox: NodeInbox, options: MeshOptions): Mesh {
  return new NodeMesh(name, inbox, options);
}

class NodeMesh implements Mesh {
  private readonly self: string;
  private readonly clock: Clock;
  private readonly state: LinkState;
  private readonly requests: Requests;
  private readonly peersByName = new Map<string, Channel>();
  private readonly kept = new Map<string, { stop: Stop; peer?: string }>();
  /** Refusals already logged (`logRefusal`). */
  private readonly refusals = new Set<string>();
  /** Dialled links waiting for `ready`; called with an error text if the link closes first. */
  private readonly readyWaiters = new Map<Channel, (error?: string) => void>();
  private readonly hs: HandshakeContext;
  private readonly router: Router;
  private readonly instance: string;
  /** `onChange` listeners. */
  private readonly watchers = new Set<() => void>();
  private readonly flooding: Flooding;
  private portNumber: number;
  private closing = false;
  private readonly unsubscribe: (() => void) | undefined;

  constructor(
    name: string,
    private readonly inbox: NodeInbox,
    private readonly options: MeshOptions,
  ) {
    this.self = name;
    this.clock = options.clock ?? systemClock;
    const identity = options.identity ?? openIdentity;
    const auth = options.auth ?? openAuth;
    // Signatures over an empty nonce could be replayed: keys come with a secret.
    if (identity.secure && auth === openAuth) throw new Error('a mesh with node keys needs a shared secret');
    this.instance = options.instance ?? randomInstance();
    this.state = new LinkState(this.self, () => this.clock.now(), identity, this.instance, options.sharedLinks);
    this.flooding = new Flooding({
      state: this.state,
      peers: this.peersByName,
      send: options.sharedLinks === undefined,
      log: (line) => this.log(line),
      changed: () => this.topologyChanged(),
    });
    // Every node of a shared table learns a change as it is written.
    this.unsubscribe = options.sharedLinks?.subscribe(() => this.topologyChanged());
    this.requests = new Requests(this.self, this.clock);
    this.portNumber = options.port ?? 9000;
    const dialect = options.language?.dialect.version;
    this.hs = {
      name: this.self,
      instance: this.instance,
      auth,
      identity,
      clock: this.clock,
      timeoutMs: options.handshakeMs ?? 10_000,
      ...(dialect ? { dialect } : {}),
    };
    this.router = new Router({
      self: name,
      inbox,
      language: options.language ?? createLanguageService(),
      state: this.state,
      requests: this.requests,
      channel: (peer) => this.peersByName.get(peer),
      quit: () => this.quit(),
    });
  }

  // ---- MeshPort -------------------------------------------------------

  peers(): string[] {
    return [...this.state.graph().keys()].filter((n) => n !== this.self).sort();
  }

  neighbours(): string[] {
    return [...this.peersByName.keys()].sort();
  }

  topology(): Map<string, string[]> {
    return new Map([...this.state.graph()].map(([n, ns]) => [n, [...ns]]));
  }

  port(): number {
    return this.portNumber;
  }

  send(hosts: readonly string[], request: RemoteCommand, timeoutSeconds: number): Promise<Response[]> {
    return this.router.send(hosts, request, timeoutSeconds);
  }

  async dial(address: string): Promise<string> {
    try {
      await this.connect(address);
      return '';
    } catch (e) {
      const msg = (e as Error).message;
      // 2.3's own refusals are printed as they are; network problems get `dial <host>: `.
      if (msg === 'cannot mesh dial yourself' || msg.startsWith('already connected to ') || msg.startsWith('duplicate node name ')) return msg;
      return `dial ${address}: ${msg}`;
    }
  }

  async hangup(name: string): Promise<string> {
    const channel = this.peersByName.get(name);
    if (!channel) return `no such client ${name}`;
    for (const [address, k] of this.kept) {
      if (k.peer === name) {
        k.stop();
        this.kept.delete(address);
      }
    }
    this.dropPeer(name, channel, 'hangup');
    channel.close('hangup');
    return '';
  }

  // ---- Mesh -----------------------------------------------------------

  async listen(): Promise<string> {
    const address = await this.options.transport.listen((link) => this.accept(link));
    const m = /:(\d+)$/.exec(address);
    if (m) this.portNumber = Number(m[1]);
    return address;
  }

  async connect(address: string): Promise<string> {
    const link = await this.options.transport.dial(address);
    return this.join(link);
  }

  keep(address: string): Promise<void> {
    return new Promise((resolve) => {
      let first = true;
      const settle = (): void => {
        if (first) resolve();
        first = false;
      };
      const entry: { stop: Stop; peer?: string } = { stop: () => undefined };
      this.kept.set(address, entry);
      // Each distinct failure is reported once until a link comes up; the retries are quiet.
      const reported = new Set<string>();
      let authFailures = 0;
      const failed = (e: Error): void => {
        if (!reported.has(e.message)) {
          reported.add(e.message);
          this.log(`dial ${address}: ${e.message} (retrying, less and less often)`);
        }
        authFailures = e instanceof HandshakeError && e.code === ErrorCode.AuthFailed ? authFailures + 1 : 0;
        if (authFailures >= MAX_AUTH_FAILURES && this.kept.get(address) === entry) {
          entry.stop();
          this.kept.delete(address);
          this.log(`giving up on ${address} after ${authFailures} authentication failures in a row: the secret or the keys differ`);
          this.options.onGiveUp?.(address, e.message);
        }
        settle();
      };
      entry.stop = this.options.transport.persist(
        address,
        (link, established) =>
          void this.join(link).then(
            (name) => {
              entry.peer = name;
              reported.clear();
              authFailures = 0;
              established();
              settle();
            },
            (e: Error) => {
              link.close(e.message);
              failed(e);
            },
          ),
        failed,
      );
    });
  }

  adopt(links: readonly (readonly [Link, string])[]): void {
    for (const [link, peer] of links) {
      const channel = new Channel(link);
      this.peersByName.set(peer, channel);
      channel.on(this.peerHandlers(peer, channel));
    }
    this.flooding.announce();
  }

  onChange(f: () => void): () => void {
    this.watchers.add(f);
    return () => this.watchers.delete(f);
  }

  linkStateWork(): { readonly computed: number; readonly visited: number } {
    return { ...this.state.stats };
  }

  async close(): Promise<void> {
    this.closing = true;
    this.unsubscribe?.();
    for (const k of this.kept.values()) k.stop();
    this.kept.clear();
    for (const c of this.peersByName.values()) c.close('node stopped');
    this.peersByName.clear();
    this.requests.failAll();
    await this.options.transport.close();
  }

  // ---- links ----------------------------------------------------------

  private accept(link: Link): void {
    /** The number of our announcement the welcome carried. */
    let welcomed = -1;
    acceptHandshake(this.hs, link, (hello, channel) => {
      if (hello.role === 'client') return { ok: true, lsas: () => [] };
      if (hello.name === this.self && hello.instance === this.instance) return { ok: false, code: ErrorCode.Self, message: 'cannot mesh dial yourself' };
      if (this.peersByName.has(hello.name)) return { ok: false, code: ErrorCode.Duplicate, message: `already connected to ${hello.name}` };
      const duplicate = this.duplicateName(hello.name, hello.instance);
      if (duplicate) return { ok: false, code: ErrorCode.Duplicate, message: duplicate };
      return {
        ok: true,
        // Registered before the welcome goes out, so it carries our updated links.
        lsas: () => {
          this.peersByName.set(hello.name, channel);
          welcomed = this.state.setNeighbours(this.peersByName.keys()).seq;
          return this.state.all();
        },
      };
    }).then(
      ({ hello, channel }) => {
        if (hello.role === 'client') return serveClient(this.inbox, channel, () => this.quit());
        this.log(`${hello.name} joined`);
        channel.on(this.peerHandlers(hello.name, channel));
        // The joiner has our links already when the welcome carried the latest (another joiner may have come since).
        this.flooding.announce(undefined, this.state.own().seq === welcomed ? channel : undefined);
      },
      (e: Error) => this.logRefusal(link.remote, e.message),
    );
  }

  /**
   * Reports a refused connection once per remote host and reason: a peer
   * with the wrong secret dialling again and again is one line, not one a
   * second. The set is bounded (cleared when full), so many hosts cannot grow it.
   */
  private logRefusal(remote: string, why: string): void {
    const key = `${remote.replace(/:\d+$/, '')}\0${why}`;
    if (this.refusals.has(key)) return;
    if (this.refusals.size >= MAX_REMEMBERED_REFUSALS) this.refusals.clear();
    this.refusals.add(key);
    this.log(`refused a connection from ${remote}: ${why} (reported once per host and reason)`);
  }

  /**
   * Why a joiner called `name` (process `instance`) cannot be who it says: a
   * different node of that name is in the mesh already (or it is our name).
   */
  private duplicateName(name: string, instance: string): string {
    const known = name === this.self ? this.instance : this.state.reachable(name) ? this.state.instanceOf(name) : undefined;
    return known !== undefined && known !== instance ? `duplicate node name ${name}: another node of that name is already in the mesh` : '';
  }

  /** Dialler side: handshake, register, exchange link state, wait for `ready`. */
  private async join(link: Link): Promise<string> {
    const check = (name: string, instance: string): string =>
      name === this.self && instance === this.instance
        ? 'cannot mesh dial yourself'
        : this.peersByName.has(name)
          ? `already connected to ${name}`
          : this.duplicateName(name, instance);
    const { welcome, channel } = await dialHandshake(this.hs, link, 'peer', check);
    const name = welcome.name;
    const refused = check(name, welcome.instance);
    if (refused) {
      channel.close(refused);
      throw new HandshakeError(refused);
    }
    const ready = new Promise<void>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => reject(new HandshakeError('handshake timed out')), this.hs.timeoutMs);
      this.readyWaiters.set(channel, (error) => {
        this.clock.clearTimeout(timer);
        if (error) reject(new HandshakeError(error));
        else resolve();
      });
    });
    this.peersByName.set(name, channel);
    channel.on(this.peerHandlers(name, channel));
    this.flooding.take(welcome.lsas, name, channel);
    // The new peer hears our links in the sync, whole; the others hear the change.
    this.flooding.announce(undefined, channel);
    channel.send({ type: 'sync', lsas: this.state.all() });
    try {
      await ready;
    } finally {
      this.readyWaiters.delete(channel);
    }
    this.log(`joined ${name}`);
    return name;
  }

  private peerHandlers(name: string, channel: Channel): ChannelHandlers {
    return {
      message: (m) => this.onPeerMessage(name, channel, m),
      closed: (reason) => {
        this.readyWaiters.get(channel)?.(`connection closed during handshake: ${reason}`);
        this.dropPeer(name, channel, reason);
      },
    };
  }

  private onPeerMessage(from: string, channel: Channel, m: Message): void {
    switch (m.type) {
      case 'lsa':
        return this.flooding.take([m.lsa], from, channel);
      case 'lsa-change':
        return this.flooding.takeChange(m, from, channel);
      case 'lsa-want':
        return this.flooding.answerWant(m.origin, channel);
      case 'sync':
        this.flooding.take(m.lsas, from, channel);
        return channel.send({ type: 'ready' });
      case 'ready':
        return this.readyWaiters.get(channel)?.();
      case 'exec':
      case 'result':
        return this.router.route(m);
      case 'error':
        if (m.id !== undefined) return this.router.route(m as ErrorMessage & Routed);
        return this.log(`${from} reported ${m.code}: ${m.message}`);
      case 'ping':
        return channel.send({ type: 'pong', nonce: m.nonce });
      case 'pong':
        return;
      default:
        return channel.fail(ErrorCode.Unexpected, `unexpected ${m.type} from a peer`);
    }
  }

  private dropPeer(name: string, channel: Channel, reason: string): void {
    if (this.peersByName.get(name) !== channel) return;
    this.peersByName.delete(name);
    if (!this.closing) this.log(`lost ${name}: ${reason}`);
    this.flooding.announce();
  }

  // ---- link state (flooding.ts floods it) -------------------------------

  /**
   * Watchers hear of the change, and pending requests whose host or route
   * is gone fail at once. The topology is walked only when a request is
   * waiting (or a watcher asks): otherwise it is computed when asked, so a
   * flood of announcements costs no walk at all.
   */
  private topologyChanged(): void {
    for (const f of this.watchers) f();
    if (this.requests.size === 0) return;
    const graph = this.state.graph();
    this.requests.check(
      (h) => graph.has(h),
      (key) => {
        const [a, b] = key.split('\0') as [string, string];
        return graph.get(a)?.includes(b) ?? false;
      },
    );
  }

  /** `quit` arrived: the owner stops the node; without one, the node leaves the mesh so nobody waits on it. */
  private quit(): void {
    if (this.options.onQuit) this.options.onQuit();
    else void this.close();
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

/** A process id for link state: unique enough to tell two processes apart (not a secret). */
function randomInstance(): string {
  const part = (): string =>
    Math.floor(Math.random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return part() + part();
}
