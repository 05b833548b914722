/**
 * minimega's answer to adding a host to a namespace that is neither this
 * node nor a mesh peer (`nsmod add-host`, 3.1's `ns add-hosts`), written
 * and recognised in one place: front ends add a hint to it for simulated
 * clusters whose nodes are not named as the script's hosts.
 */

/** ``unknown host: `X` ``, as minimega answers. */
export function unknownHostError(host: string): string {
  return `unknown host: \`${host}\``;
}

/** The host of an ``unknown host: `X` `` answer, else undefined. */
export function unknownHostIn(message: string): string | undefined {
  return /^unknown host: `(.*)`$/s.exec(message)?.[1];
}
