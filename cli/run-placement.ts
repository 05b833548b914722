/**
 * `mm run --format json`: instead of the commands' output, one JSON document
 * on stdout once the scripts ran: the exit status, the errors, where every
 * VM landed (per node, with namespace and state) and each namespace's queue
 * and scheduler runs. It reads the nodes' state, so it needs nodes in this
 * process: one simulated node or an embedded cluster (`--nodes`).
 */
import type { PlacementReport } from '../interpreter/placement-report.js';
import type { OptionSpec } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';

export const runFormatOption: OptionSpec = {
  type: 'string',
  value: 'text|json',
  description: "text: the commands' output; json: where the VMs landed, as one JSON document after the run (see below)",
  default: 'text',
};

export const RUN_FORMAT_NOTES = [
  'With --format json, stdout holds one JSON document written after the run (errors still go to\n' +
    'stderr as FILE:LINE: E: lines, and are in the document too):\n' +
    '  {"exitCode": 1,\n' +
    '   "errors": [{"file": "lab.mm", "line": 3, "message": "vm not found: x"}],\n' +
    '   "nodes": [{"host": "n1", "vms": [{"name": "web1", "namespace": "lab", "state": "BUILDING"}]}],\n' +
    '   "namespaces": [{"name": "lab", "hosts": ["n2", "n3"],\n' +
    '                   "queued": [{"host": "n1", "vms": 2, "names": ["spare1", "spare2"]}],\n' +
    '                   "schedules": [{"host": "n1", "start": "...", "end": "...", "state": "completed",\n' +
    '                                  "launched": 4, "failures": 0, "total": 4, "hosts": 2}]}]}\n' +
    "nodes come in the cluster's order (the head, where the scripts run, first), each VM in launch\n" +
    'order with namespace "" outside one; queued lists the VMs queued with `vm launch TYPE NAMES` and\n' +
    'not launched yet (unnamed 3.1 ones counted in vms only); schedules are the scheduler runs that\n' +
    '`namespace` (3.1: `ns`) lists. It needs simulated nodes: not with --connect, --attach or --transcript.',
];

/** One error as the document lists it. */
export interface RunError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Whether --format asks for JSON; a usage error for another value or an option it cannot go with. */
export function wantsJson(values: Readonly<Record<string, unknown>>): boolean {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new CliError(`--format must be text or json, not ${JSON.stringify(format)}`);
  if (format === 'text') return false;
  for (const o of ['connect', 'attach'] as const) {
    if (values[o] !== undefined) throw new CliError(`--format json cannot be used with --${o}: it reads the state of simulated nodes in this process`);
  }
  if (values.transcript === true) throw new CliError('--format json cannot be used with --transcript: each says what stdout holds');
  return true;
}

/**
 * Writes the document, one node at a time, waiting for stdout whenever it
 * asks to: a cluster of 100,000 VMs is never held as one string.
 */
export async function printRunJson(io: CliIO, exitCode: number, errors: readonly RunError[], report: PlacementReport): Promise<void> {
  const put = async (text: string): Promise<void> => {
    io.stdout(text);
    await io.stdoutDrained?.();
  };
  await put(`{"exitCode":${exitCode},"errors":${JSON.stringify(errors)},"nodes":[`);
  for (const [i, node] of report.nodes.entries()) await put(`${i === 0 ? '' : ','}${JSON.stringify(node)}`);
  await put(`],"namespaces":${JSON.stringify(report.namespaces)}}\n`);
}
