/**
 * `mm run`'s hint when a simulated run fails with minimega's
 * ``unknown host: `X` ``: the script adds hosts (`nsmod add-host ccc[1-4]`)
 * that no simulated node is named as, so it says which option names the
 * nodes after the script's hosts. minimega's error stays as minimega wrote
 * it; the hint is a line of our own after it, once per run.
 */
import { dialectOf } from '../language/index.js';
import { scriptHosts, unknownHostNote } from '../interpreter/script-hosts.js';
import { unknownHostIn } from '../interpreter/unknown-host.js';
import type { SocketDialect } from '../interpreter/socket/protocol.js';
import type { LineOutcome } from '../interpreter/contracts/delivery.js';
import { lineErrors } from '../interpreter/transcript.js';

/** Gives the hint for the first unknown host of a run (`nodes`: the simulated nodes' names), then nothing. */
export function createHostHint(nodes: readonly string[], dialect: SocketDialect): (outcome: LineOutcome, scriptText: string) => string | undefined {
  let given = false;
  return (outcome, scriptText) => {
    if (given) return undefined;
    const host = lineErrors(outcome)
      .map(unknownHostIn)
      .find((h) => h !== undefined);
    if (host === undefined) return undefined;
    given = true;
    return hostHint(host, nodes, scriptHosts(scriptText, dialectOf(dialect)));
  };
}

/** The hint's text: what is missing, then the option that fixes it. */
function hostHint(host: string, nodes: readonly string[], hosts: readonly string[]): string {
  const note = unknownHostNote(host, nodes, hosts);
  // `--nodes` takes two names or more; one node is named with `--name`.
  const fix =
    hosts.length === 0
      ? "name the simulated nodes after the script's hosts with --nodes NAME,NAME,..."
      : hosts.length === 1
        ? `name the simulated node after it with --name ${hosts[0]}`
        : `name the simulated nodes after them with --nodes ${hosts.join(',')}`;
  return `${note}: ${fix}`;
}
