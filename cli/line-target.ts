/** What `mm run`, `mm repl` and `mm minitest` send their lines to (targets-remote.ts opens one). */
import type { LineOutcome } from '../interpreter/contracts/delivery.js';
import type { SimNode } from '../interpreter/sim-node.js';
import type { RenderView } from '../interpreter/transcript.js';
import type { NameSource } from '../language/index.js';

/** Something lines run on. */
export interface LineTarget {
  run(line: string): Promise<LineOutcome>;
  /** What rendering reads: the node's output flags as they are after the last line. */
  readonly view: RenderView;
  /** The node itself, when it runs in this process. */
  readonly node?: SimNode;
  /** The names of the simulated nodes, when they run in this process (a cluster's, the head first). */
  readonly nodes?: readonly string[];
  /** The simulated nodes themselves, when they run in this process (what `--format json` reports). */
  readonly simNodes?: readonly SimNode[];
  /** The names completion offers (a cluster's, seen from its head; a remote node's). */
  readonly names?: NameSource;
  /** For a remote node: asks it for its names again if a line ran since (before completing). */
  refreshNames?(): Promise<void>;
  /** The node asked to stop (`quit`). */
  stopped(): boolean;
  /** The node's active namespace after the last line (for a prompt). */
  namespace(): string;
  close(): Promise<void>;
}
