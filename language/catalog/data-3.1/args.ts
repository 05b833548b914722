/** Arguments that several 3.1 handlers share. */
import type { ArgSpec } from '../types.js';

/** The `<vm target>` argument of the VM commands. */
export const vmTargetArg: ArgSpec = {
  summary: 'The VMs: name, id, list, range like `web[1-4]`, or `all`',
  doc: 'VM names and ids separated by commas, with ranges such as `web[1-4]` or `web[1,3-5]`; `all` means every VM of the namespace (a list that contains `all` means all). Names are case-sensitive. Example: `web[1-4],db`.',
  domain: 'vmTarget',
};

/** An argument that names one VM of the namespace. */
export function oneVm(what: string): ArgSpec {
  return { summary: `${what}: name, id or UUID`, doc: 'One VM of the namespace, e.g. `web1`, `3` or its UUID.', domain: 'vmName' };
}
