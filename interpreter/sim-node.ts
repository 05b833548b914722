/**
 * One simulated minimega node's state, with its command ordering and its
 * mesh port. Handlers read and change the state; they reach other nodes only
 * through the port (peers, topology) and `send` (fan-out itself is
 * dispatch's job, transport is the mesh's).
 */
import { AliasMap, createLanguageService, dialectOf, type LanguageService } from '../language/index.js';
import { createDefaultFlags, createResponse, type Flags, type Response } from './contracts/responses.js';
import { createDefaultConfig, type VmConfig } from './vm-config-state.js';
import { VlanTable } from './vlan-table.js';
import type { Vm } from './vm-model.js';
import { VmTable } from './vm-table.js';
import type { NamespaceRecord } from './namespace-state.js';
import { createRandom } from './random.js';
import { createLoneMesh, type MeshPort, type RemoteCommand } from './contracts/mesh-port.js';
import type { CommandOrdering } from './ordering/command-ordering.js';
import { DEFAULT_RUNTIME_DIALECT, RUNTIME_DIALECTS, type RuntimeDialectName } from './runtime-dialects.js';
import { FilesDir, type FilesDirOptions } from './files-dir.js';
import { HardwareState } from './state/hardware.js';
import type { QemuOverride } from './qemu-argv.js';
import { Plumber } from './runtime-31/plumber-31.js';
import type { RenderStyle } from './render/index.js';

/** A host tap created with `tap create`. */
export interface HostTap {
  readonly name: string;
  readonly bridge: string;
  readonly vlan: number;
  readonly namespace: string;
}

export type { QemuOverride } from './qemu-argv.js';

export interface NodeOptions {
  /** The node's host name (default: the OS host name, chosen by the CLI). */
  readonly name: string;
  /** Let `shell` and `background` run host programs (never enabled remotely). */
  readonly allowShell?: boolean;
  /** Directory relative paths (`read`, `write`) resolve against. */
  readonly cwd?: string;
  /** Environment for `$VAR` arguments. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Seed for generated UUIDs and MACs (default: the node name). */
  readonly seed?: string;
  /** The node's view of the mesh (default: alone). */
  readonly mesh?: MeshPort;
  /** The dialect whose runtime rules the node follows (default 2.3). */
  readonly dialect?: RuntimeDialectName;
  /** The files directory: the path it prints and the host directory behind it (decision 16). */
  readonly files?: FilesDirOptions;
  /** Milliseconds since the epoch (default: the system clock); times such as `vnc`'s come from it. */
  readonly clock?: () => number;
  /** What compiles the node's lines (default: its own; nodes of one process may share one). */
  readonly language?: LanguageService;
}

/** Maximum history length, as minimega. */
export const HISTORY_LIMIT = 10_000;

export class SimNode {
  readonly name: string;
  /** The dialect whose runtime rules the node follows. */
  readonly dialect: RuntimeDialectName;
  readonly allowShell: boolean;
  readonly cwd: string;
  /** Environment for `$VAR` arguments (3.1's `.env` changes it). */
  readonly env: Record<string, string | undefined>;
  readonly random: () => number;
  /** How lines, commands from peers and this node's own sends are ordered. */
  readonly ordering: CommandOrdering;
  readonly files: FilesDir;
  readonly now: () => number;
  mesh: MeshPort;
  /** Compiles the lines the node runs (and remembers them). */
  readonly language: LanguageService;

  flags: Flags = createDefaultFlags();
  /** How the node's responses render (the dialect's). */
  readonly renderStyle: RenderStyle;
  /** 3.1 `status updates`: their frequency in nanoseconds, 0 when disabled (the default). */
  statusUpdates = 0n;
  /** 3.1 `.preprocess`: whether commands' arguments are preprocessed. */
  preprocessing = true;
  readonly aliases = new AliasMap();
  history: string[] = [];

  activeNamespace = '';
  readonly namespaces = new Map<string, NamespaceRecord>();

  readonly vms = new VmTable();
  nextVmId = 0;
  vmConfig: VmConfig = createDefaultConfig();
  readonly savedConfigs = new Map<string, VmConfig>();
  qemuOverrides: QemuOverride[] = [];
  nextOverrideId = 0;

  vlans = new VlanTable();
  readonly taps = new Map<string, HostTap>();
  readonly bridges = new Set<string>();
  /** Tap mirrors: bridge to its mirror destination taps (3.1's `tap mirror`). */
  readonly mirrors = new Map<string, Set<string>>();
  /** Mirror destinations destroyed while mirrored: they stay on their bridge for good (tap to bridge). */
  readonly leakedTaps = new Map<string, string>();
  /** Counter behind `mega_tap<N>` names, shared by VM and host taps. */
  tapCounter = 0;
  /** What the hardware-facing commands record (captures, cc, qos, vnc, routers, ...; decision 12). */
  hardware = new HardwareState();
  /** 3.1's pipes and pipelines (one plumber per node, all namespaces). */
  readonly plumber = new Plumber();

  meshDegree = 0;
  /** Reply timeout in seconds; 0 means none. */
  meshTimeout = 0;
  /** Set by `quit`: the front end stops reading commands. */
  quitRequested = false;
  /** Set while a `read` runs, to refuse nested reads. */
  reading = false;

  constructor(options: NodeOptions) {
    this.name = options.name;
    this.allowShell = options.allowShell ?? false;
    this.cwd = options.cwd ?? process.cwd();
    this.env = { ...(options.env ?? process.env) };
    this.random = createRandom(options.seed ?? options.name);
    this.dialect = options.dialect ?? DEFAULT_RUNTIME_DIALECT;
    this.ordering = RUNTIME_DIALECTS[this.dialect].createOrdering();
    this.activeNamespace = RUNTIME_DIALECTS[this.dialect].defaultNamespace;
    this.renderStyle = RUNTIME_DIALECTS[this.dialect].render;
    for (const b of RUNTIME_DIALECTS[this.dialect].startBridges) this.bridges.add(b);
    this.mesh = options.mesh ?? createLoneMesh();
    this.files = new FilesDir(options.files);
    this.now = options.clock ?? Date.now;
    this.language = options.language ?? createLanguageService(dialectOf(this.dialect));
  }

  /**
   * Sends a command to other nodes through the mesh, as the ordering allows
   * (2.3 parks the running command meanwhile; 3.1 queues sends), with the
   * node's `mesh timeout`. One response per host that answered or failed.
   */
  send(hosts: readonly string[], request: RemoteCommand): Promise<Response[]> {
    // Nothing to wait for: the running command is not parked.
    if (hosts.every((h) => h === this.name)) return Promise.resolve([]);
    return this.ordering.send(() => this.mesh.send(hosts, request, this.meshTimeout));
  }

  /** A simple response from this node. */
  respond(text = ''): Response {
    return createResponse(this.name, text);
  }

  /** The active namespace's record, if a namespace is active. */
  activeRecord(): NamespaceRecord | undefined {
    return this.activeNamespace === '' ? undefined : this.namespaces.get(this.activeNamespace);
  }

  /** VMs visible in the active namespace (all VMs when none is active). */
  visibleVms(): Vm[] {
    return this.vmsIn(this.activeNamespace);
  }

  /** VMs of namespace `ns` (all VMs for ""). */
  vmsIn(ns: string): Vm[] {
    const out: Vm[] = [];
    for (const vm of this.vms.values()) if (ns === '' || vm.namespace === ns) out.push(vm);
    return out;
  }

  /** Appends to history, dropping the oldest entries past the limit. */
  recordHistory(original: string): void {
    this.history.push(original);
    // Trim in chunks so that a long session does not copy the array on every command.
    if (this.history.length >= HISTORY_LIMIT + 1024) this.history = this.history.slice(-HISTORY_LIMIT);
  }

  /** The history as `history` prints it: the most recent HISTORY_LIMIT entries. */
  historyEntries(): string[] {
    return this.history.length > HISTORY_LIMIT ? this.history.slice(-HISTORY_LIMIT) : this.history;
  }

  /**
   * Destroys a tap: one that is a mirror destination loses only the mirror
   * and stays on its bridge for good (3.1, runtime-3.1.md §10.11).
   */
  releaseTap(tap: string, bridge: string): void {
    const mirrored = this.mirrors.get(bridge);
    if (mirrored?.delete(tap)) this.leakedTaps.set(tap, bridge);
  }

  /**
   * The next free `mega_tap<N>` name. VM taps always come from this counter,
   * so only host taps the user named `mega_tap<N>` can be in the way.
   */
  nextTapName(): string {
    for (;;) {
      const name = `mega_tap${this.tapCounter++}`;
      if (!this.taps.has(name)) return name;
    }
  }
}

/** Creates a node. */
export function createNode(options: NodeOptions): SimNode {
  return new SimNode(options);
}
