/**
 * The only place that knows handler categories and `Source`: runs a matched
 * command on a node, fanning broadcast and vm-target commands out to the
 * active namespace's hosts, and records history.
 */
import type { Command, CommentCommand } from '../language/index.js';
import type { RemoteCommand } from './contracts/mesh-port.js';
import { createError, type Batch, type Response } from './contracts/responses.js';
import type { SimNode } from './sim-node.js';
import { CommandError, type ExecOptions, type HandlerContext } from './handlers/types.js';
import { runtimeOf } from './dialect-runtimes.js';
import { PreprocessError } from './preprocess.js';

/** Runs a command (or a nested comment no-op) on a node. */
export async function execute(node: SimNode, command: Command | CommentCommand, options: ExecOptions): Promise<Batch[]> {
  if (command.kind === 'CommentCommand') return [];
  const runtime = runtimeOf(node);
  let cmd: Command;
  try {
    cmd = runtime.preprocess(node, command, options);
  } catch (e) {
    if (e instanceof PreprocessError) return [[createError('', e.message)]];
    throw e;
  }
  const scope = runtime.scope(node, cmd, options);
  const ctx: HandlerContext = {
    node,
    command: cmd,
    options,
    ns: scope.ns,
    space: scope.space,
    record: options.record,
    run: (sub, opts) => execute(node, sub, opts),
    // This node's share runs as a receiver would run it.
    runOn: (hosts, request) =>
      runOnHosts(node, hosts, request, () =>
        execute(node, request.command, { record: request.record, compiledRecord: request.record, source: request.source }),
      ),
  };
  const category = cmd.handler.category;
  const hosts = runtime.fanOutHosts(node, category, options, scope);
  let batches: Batch[];
  if (hosts) {
    batches = [await fanOut(ctx, hosts, category === 'vmtarget')];
  } else {
    batches = await runHandler(ctx);
  }
  if (ctx.record) node.recordHistory(cmd.original);
  return batches;
}

/** Runs the command's own handler on this node; failures become error responses. */
export async function runHandler(ctx: HandlerContext): Promise<Batch[]> {
  const handler = runtimeOf(ctx.node).handlerFor(ctx.command.handler.id);
  try {
    return await handler(ctx);
  } catch (e) {
    if (e instanceof CommandError) return [[createError(ctx.node.name, e.message)]];
    const msg = e instanceof Error ? e.message : String(e);
    return [[createError(ctx.node.name, `internal error: ${msg}`)]];
  }
}

/**
 * Runs the command on `hosts` of its namespace (this node through its own
 * handler, the others over the mesh) and merges all responses into one batch.
 */
async function fanOut(ctx: HandlerContext, hosts: readonly string[], vmTarget: boolean): Promise<Batch> {
  const { node, command, ns } = ctx;
  const runtime = runtimeOf(node);
  const local = (): Promise<Batch[]> => runHandler({ ...ctx, options: runtime.localLeg(ctx.options, ns), record: false });
  const out = await runOnHosts(node, hosts, runtime.remoteRequest(node, command, ns), local);
  return vmTarget ? filterNotFound(out, node.name) : out;
}

/**
 * The one way a command runs on several hosts: this node's share through
 * `local` (when it is one of `hosts`), the others' through the node's `send`;
 * this node's responses first, then the others' in sorted host order (decision 5).
 */
async function runOnHosts(node: SimNode, hosts: readonly string[], request: RemoteCommand, local: () => Promise<Batch[]>): Promise<Response[]> {
  const out: Response[] = [];
  if (hosts.includes(node.name)) for (const b of await local()) out.push(...b);
  const remote = hosts.filter((h) => h !== node.name);
  if (remote.length > 0) out.push(...(await node.send(remote, request)));
  return out;
}

const NOT_FOUND = 'vm not found: ';

/** The vm-target filter: drop `vm not found` answers unless no host succeeded. */
export function filterNotFound(responses: readonly Response[], self: string): Response[] {
  const ok = responses.some((r) => r.error === '');
  let notFound = '';
  const kept: Response[] = [];
  for (const r of responses) {
    if (r.error.startsWith(NOT_FOUND)) notFound = r.error;
    else kept.push(r);
  }
  if (!ok && kept.length === 0) return [createError(self, notFound)];
  return kept;
}

export { CommandError };
