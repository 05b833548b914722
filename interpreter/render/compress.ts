/**
 * minicli's compressed simple output (5.6): responses with identical text are
 * printed once, keyed by their compressed host list, keys in byte order.
 */
import { compareBytes, unsplitList } from '../../language/index.js';
import type { Batch } from '../contracts/responses.js';

/**
 * Renders the compressed form of a batch (untrimmed). Two groups that end up
 * with the same key collide as in Go's map: 2.3 keeps a random one; here the
 * group whose text first appears later in the batch wins, deterministically.
 */
export function renderCompressed(batch: Batch, annotate: boolean, hostList: (hosts: readonly string[]) => string = unsplitList): string {
  // Exact text equality stands in for minicli's FNV-64a hash buckets.
  const hostsByText = new Map<string, string[]>();
  for (const r of batch) {
    if (r.error !== '' || r.response === '') continue;
    const hosts = hostsByText.get(r.response);
    if (hosts) hosts.push(r.host);
    else hostsByText.set(r.response, [r.host]);
  }
  const textByKey = new Map<string, string>();
  for (const [text, hosts] of hostsByText) {
    textByKey.set(hosts.length === 1 ? hosts[0]! : hostList(hosts), text);
  }
  const keys = [...textByKey.keys()].sort(compareBytes);
  let out = '';
  for (const key of keys) {
    if (annotate) out += key + ': ';
    out += textByKey.get(key)! + '\n';
  }
  return out;
}
