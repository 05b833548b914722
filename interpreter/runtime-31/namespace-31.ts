/**
 * A 3.1 node's namespace records (runtime-3.1.md §1.2, §1.6): besides the
 * hosts and taps every record has, a 3.1 record holds its own `vm config`
 * and saved configs, its launch queue and queueing flag, the load key, the
 * dry-run assignment, its VM-name counter and its `ns bridge` bridges.
 */
import { createNamespaceRecord, type NamespaceRecord } from '../namespace-state.js';
import type { SimNode } from '../sim-node.js';
import type { VmType } from '../vm-model.js';
import { createConfig31, type Config31 } from './config-31.js';
import type { LoadKey } from './scheduler-31.js';

/** The default namespace. */
export const DEFAULT_NAMESPACE = 'minimega';

/** What namespace names may contain (§1.3). */
export const NAME_PATTERN = /^[a-zA-Z0-9\-_.]+$/;

/** The name check's error. */
export const INVALID_NAME = 'invalid name; must only include letters, numbers, hyphens and underscores';

/** One queued `vm launch <type> <names>` with a copy of the config. */
export interface QueueEntry31 {
  readonly names: string[];
  readonly type: VmType;
  readonly config: Config31;
}

export interface Namespace31 extends NamespaceRecord {
  readonly dialect: '3.1';
  queue31: QueueEntry31[];
  queueing: boolean;
  load: LoadKey;
  /** The stored `ns schedule dry-run` result: host to one-name entries. */
  assignment: Map<string, QueueEntry31[]> | null;
  config: Config31;
  readonly saved: Map<string, Config31>;
  /** Counter behind `vm-<n>` names given at launch (§4.4). */
  nameCounter: number;
  /** Bridges made with `ns bridge`, with their tunnel keys. */
  readonly nsBridges: Map<string, number>;
  /** The 3.1 config each VM of the namespace on this node was launched with, by VM id. */
  readonly vmConfigs: Map<number, Config31>;
  /** Destination taps of the mirrors this namespace made. */
  readonly mirrors: Set<string>;
}

/** The record of `name` if it exists. */
export function findSpace31(node: SimNode, name: string): Namespace31 | undefined {
  return node.namespaces.get(name) as Namespace31 | undefined;
}

/**
 * The record of `name`, created on first use: `minimega` holds the local
 * node only; another name every mesh peer, or the local node when alone.
 */
export function ensureSpace31(node: SimNode, name: string): Namespace31 {
  const found = findSpace31(node, name);
  if (found) return found;
  const peers = node.mesh.peers();
  const hosts = name === DEFAULT_NAMESPACE || peers.length === 0 ? [node.name] : peers;
  const r: Namespace31 = {
    ...createNamespaceRecord(name, hosts),
    dialect: '3.1',
    queue31: [],
    queueing: false,
    load: 'cpucommit',
    assignment: null,
    config: createConfig31(),
    saved: new Map(),
    nameCounter: 0,
    nsBridges: new Map(),
    vmConfigs: new Map(),
    mirrors: new Set(),
  };
  node.namespaces.set(name, r);
  return r;
}
