/**
 * What a node does with what its mesh or its socket delivers: a peer's
 * command runs as a mesh task of the node's command ordering with the
 * sender's `Source` and `Record`; a client's line runs as the node's own
 * front end runs it; a client's partial line gets whole-line completions.
 * And the pairing of a node with its mesh, which registers this inbox.
 */
import type { LineOutcome, NodeInbox } from './contracts/delivery.js';
import { createError } from './contracts/responses.js';
import { execute } from './dispatch.js';
import { runtimeOf } from './dialect-runtimes.js';
import { createNodeMesh, type Mesh, type MeshOptions } from './mesh/node-mesh.js';
import { suggestWholeLines } from './line-suggest.js';
import { runLine } from './session.js';
import type { SimNode } from './sim-node.js';

/** The inbox of `node`. */
export function createNodeInbox(node: SimNode): NodeInbox {
  return {
    async exec({ command, source, record, payload }) {
      // What may arrive over the mesh is the receiver's rule, not the sender's promise.
      const refused = runtimeOf(node).meshRefusal(command);
      if (refused) return { kind: 'result', response: createError(node.name, refused) };
      const options = { record, compiledRecord: record, source, origin: 'peer' as const, ...(payload === undefined ? {} : { payload }) };
      const batches = await node.ordering.run('mesh', () => execute(node, command, options));
      if (node.quitRequested) return { kind: 'quit' };
      // 2.3 answers with the first response of the first batch: fan-out
      // payloads run locally (the Source rule) and give exactly one, and
      // keeping 2.3's choice keeps `mesh send` outputs identical. A command
      // that produced nothing (2.3 crashed there) answers an empty response.
      return { kind: 'result', response: batches[0]?.[0] ?? node.respond('') };
    },
    async line(text) {
      let outcome: LineOutcome;
      try {
        outcome = await runLine(node, text, 'client', true);
      } catch (e) {
        // A bug must not leave the client waiting: report it as the line's error.
        outcome = { kind: 'command', batches: [[createError(node.name, `internal error: ${(e as Error)?.message ?? String(e)}`)]] };
      }
      return { outcome, flags: { ...node.flags }, namespace: node.activeNamespace, quit: node.quitRequested };
    },
    async suggest(text) {
      try {
        return suggestWholeLines(node, text);
      } catch {
        // Completion is a convenience: a bug in it must not cost the client its connection.
        return [];
      }
    },
  };
}

/** Creates the mesh for `node`, delivering to its inbox (commands checked with its language), and plugs it in as `node.mesh`. */
export function attachMesh(node: SimNode, options: MeshOptions): Mesh {
  const mesh = createNodeMesh(node.name, createNodeInbox(node), { ...options, language: node.language });
  node.mesh = mesh;
  return mesh;
}
