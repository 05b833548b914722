/**
 * The order completion lists come in: what minimega users type most comes
 * first, then the rest as the language lists it (alphabetically), builtins
 * such as `.alias` last. The table is data per command path; a word a
 * dialect lacks (`ns` in 2.3, `nsmod` in 3.1) simply never shows.
 */
import type { CompletionCandidate } from '../language/index.js';

/** Common next words after a command path (`''` is the first word), most typed first. */
const COMMON: Readonly<Record<string, readonly string[]>> = {
  '': ['vm', 'namespace', 'ns', 'cc', 'vlans', 'tap', 'nsmod', 'read', 'clear', 'host', 'mesh', 'shell', 'echo', 'router', 'capture', 'qos', 'dnsmasq'],
  vm: ['launch', 'config', 'start', 'info', 'stop', 'kill', 'flush', 'net', 'tag', 'top', 'save', 'screenshot', 'hotplug', 'cdrom', 'qmp'],
  'vm config': [
    'memory',
    'vcpus',
    'disk',
    'disks',
    'net',
    'snapshot',
    'kernel',
    'initrd',
    'append',
    'cdrom',
    'tags',
    'save',
    'restore',
    'clone',
    'schedule',
    'colocate',
  ],
  'clear vm': ['config', 'tag'],
  'clear vm config': ['memory', 'vcpus', 'disk', 'disks', 'net', 'snapshot', 'tags'],
  cc: ['exec', 'background', 'send', 'recv', 'filter', 'prefix', 'process', 'log', 'responses', 'clear', 'mount'],
  ns: ['add-hosts', 'del-hosts', 'hosts', 'queue', 'queueing', 'schedule', 'flush', 'bridge'],
  nsmod: ['add-host', 'del-host'],
  vlans: ['add', 'range', 'blacklist'],
  tap: ['create', 'delete'],
  clear: ['namespace', 'vm', 'cc', 'vlans', 'tap'],
};

const BUILTIN = 1_000_000;

/** Sorts candidates for the words typed before the cursor (`before`, e.g. `['vm', 'conf']`): common words first, builtins last. */
export function rankCandidates(candidates: readonly CompletionCandidate[], before: readonly string[]): CompletionCandidate[] {
  const common = COMMON[pathOf(before)] ?? [];
  const rank = (c: CompletionCandidate): number => {
    if (c.kind === 'builtin' || c.label.startsWith('.')) return BUILTIN;
    if (c.kind !== 'command' && c.kind !== 'keyword' && c.kind !== 'choice') return common.length;
    const i = common.indexOf(c.label);
    return i < 0 ? common.length : i;
  };
  // Stable: equal ranks keep the language's order.
  return candidates
    .map((c, i) => ({ c, i, r: rank(c) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.c);
}

/** The table key the typed words stand for; minimega accepts prefixes (`vm conf`), so each word may be one. */
function pathOf(words: readonly string[]): string {
  if (words.length === 0) return '';
  for (const key of Object.keys(COMMON)) {
    const parts = key === '' ? [] : key.split(' ');
    if (parts.length === words.length && parts.every((p, i) => p.startsWith(words[i]!.toLowerCase()))) return key;
  }
  return '-';
}
