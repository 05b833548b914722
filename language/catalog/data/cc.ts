import type { HandlerSpec } from '../types.js';
import { example, nsBroadcast, paras } from './doc-text.js';

const idArg = {
  summary: 'Command id, a prefix label, or `all`',
  doc: 'A numeric command id as listed by `cc commands`, a label set with `cc prefix` (selects every command created under it), or `all`. Example: `3`.',
};

/** Handlers of the `cc` family, in minimega 2.3 registration order. */
export const ccHandlers: readonly HandlerSpec[] = [
  {
    id: 'cc',
    group: 'cc',
    category: 'broadcast',
    patterns: [
      'cc',
      'cc <clients,>',
      'cc <prefix,> [prefix]',
      'cc <send,> <file>...',
      'cc <recv,> <file>...',
      'cc <exec,> <command>...',
      'cc <background,> <command>...',
      'cc <process,> <list,> <vm name, uuid or all>',
      'cc <process,> <kill,> <pid or all>',
      'cc <process,> <killall,> <name>',
      'cc <commands,>',
      'cc <filter,> [filter]...',
      'cc <responses,> <id or prefix or all> [raw,]',
      'cc <tunnel,> <uuid> <src port> <host> <dst port>',
      'cc <rtunnel,> <src port> <host> <dst port>',
      'cc <delete,> <command,> <id or prefix or all>',
      'cc <delete,> <response,> <id or prefix or all>',
    ],
    summary: 'Control VMs through the miniccc agent: run commands, move files, manage processes, tunnels',
    doc: paras(
      'Command and control for VMs that run the miniccc agent. Commands are queued and picked up by every client that matches the current filter; their results are collected as responses.',
      '- `cc` shows an overview of the connected clients; `cc clients` lists them in detail.\n- `cc filter [key=value]...` limits which clients get new commands (keys `uuid`, `hostname`, `arch`, `os`, `ip`, `mac`, or a tag as `tag=key:value`; any other `key=value` is a tag filter); with no argument it shows the current filter.\n- `cc prefix [label]` sets a label that is attached to commands created afterwards; with no argument it prints the label.\n- `cc exec <command>...` runs a command in the guests and collects its output; `cc background <command>...` starts it without waiting.\n- `cc send <file>...` copies files from the files directory to the guests; `cc recv <file>...` fetches files from them.\n- `cc process list <vm|all>`, `cc process kill <pid|all>` and `cc process killall <name>` list and stop guest processes.\n- `cc commands` lists the queued commands; `cc responses <id|prefix|all> [raw]` prints their responses.\n- `cc delete command <id|prefix|all>` and `cc delete response <id|prefix|all>` remove commands or stored responses.\n- `cc tunnel <uuid> <src port> <host> <dst port>` forwards a local port through a client; `cc rtunnel <src port> <host> <dst port>` opens a reverse tunnel.',
      nsBroadcast + " With a namespace active, commands also only reach the namespace's VMs.",
      'Examples:',
      example('cc filter os=linux', 'cc exec hostname', 'cc responses all'),
      'In `mm`: simulated VMs run no miniccc agent, so there are no clients and no responses. The filter, the prefix and the commands are kept exactly as minimega keeps them, and `cc commands` lists them. `cc send` needs the files in the files directory (`--files-dir`).',
    ),
    args: {
      prefix: {
        summary: 'Label attached to the commands created afterwards',
        doc: 'Free text, e.g. `setup`. It can later select those commands in `cc responses` and `cc delete`. Omit it to print the current label.',
      },
      file: {
        summary: 'Files in the files directory (relative paths; `*` globs allowed)',
        doc: 'Paths relative to the files directory, e.g. `tools/agent.sh`. `cc send` refuses paths outside the files directory.',
        domain: 'path',
      },
      command: {
        summary: 'Program and arguments to run in the guests',
        doc: 'The words of a guest command, e.g. `ip addr`. Quote arguments that contain spaces.',
      },
      vm: {
        summary: 'VM whose processes to list (name, id or UUID), or `all`',
        doc: 'Example: `web1` or `all`.',
      },
      pid: {
        summary: 'Guest process id to kill, or `all`',
        doc: 'An integer process id as shown by `cc process list`, or `all`.',
      },
      name: {
        summary: 'Name of the guest processes to kill',
        doc: 'Every process with this name is killed, e.g. `tcpdump`.',
      },
      filter: {
        summary: 'Client filter terms `key=value`; omit to show the filter',
        doc: 'Space-separated terms; keys `uuid`, `hostname`, `arch`, `os`, `ip`, `mac`, or `tag=key:value`. Any other `key=value` filters on a tag. Example: `cc filter os=linux hostname=web1`.',
      },
      id: idArg,
      raw: {
        summary: 'Print responses without the per-file headers',
        doc: 'Prints only the response contents.',
      },
      uuid: {
        summary: 'UUID of the client VM the tunnel goes through',
        doc: 'As shown in the `uuid` column of `vm info`.',
      },
      src: {
        summary: 'Local TCP port',
        doc: 'An integer port number on this side of the tunnel, e.g. `8080`.',
      },
      host: {
        summary: 'Destination host of the tunnel',
        doc: 'Host name or address the tunnel connects to.',
      },
      dst: {
        summary: 'Destination TCP port',
        doc: 'An integer port number on the destination host, e.g. `80`.',
      },
    },
  },
  {
    id: 'clear cc',
    group: 'cc',
    category: 'broadcast',
    patterns: ['clear cc', 'clear cc <commands,>', 'clear cc <filter,>', 'clear cc <prefix,>', 'clear cc <responses,>'],
    summary: 'Reset cc state: queued commands, filter, prefix and responses, or one of them',
    doc: paras(
      '`clear cc` resets all command-and-control state: queued commands, the client filter, the prefix label and stored responses. `clear cc commands`, `clear cc filter`, `clear cc prefix` and `clear cc responses` reset only that part.',
      nsBroadcast,
      'Example:',
      example('clear cc responses'),
    ),
    args: {},
  },
];
