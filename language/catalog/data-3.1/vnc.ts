import type { HandlerSpec } from '../types.js';
import { oneVm, vmTargetArg } from './args.js';
import { example, nsBroadcast, nsVmTarget, paras } from './doc-text.js';

/** Handlers of the `vnc` family, in minimega 3.1 registration order. */
export const vncHandlers: readonly HandlerSpec[] = [
  {
    id: 'vnc',
    group: 'vnc',
    category: 'vmtarget',
    patterns: ['vnc <record,> <kb,fb> <vm name> <filename>', 'vnc <stop,> <kb,fb> <vm name>'],
    summary: "Start or stop recording a VM's keyboard and mouse, or its screen, to a file",
    doc: paras(
      '`vnc record kb <vm> <file>` records the keyboard and mouse events sent to the VM over VNC, for `vnc play` to replay; `vnc record fb <vm> <file>` records its screen. `vnc stop kb <vm>` and `vnc stop fb <vm>` end the recording. The file is written on the host that runs the VM.',
      nsVmTarget,
      'Example:',
      example('vnc record kb web1 login.kb', 'vnc stop kb web1'),
      'Note: `vnc stop kb <vm>` (end a recording) and `vnc stop <vms>` (end a playback) differ only by the `kb`/`fb` word.',
    ),
    args: {
      kb: { summary: 'Keyboard and mouse events', doc: 'Such recordings can be replayed with `vnc play`.' },
      fb: { summary: 'The screen (framebuffer)', doc: 'Records what the VM displays.' },
      vm: oneVm('The VM'),
      filename: { summary: 'File to record into', doc: 'Example: `login.kb`.', domain: 'path' },
    },
    since23: { kind: 'changed', from: 'vnc', note: 'Reaches the VM on any host of the namespace (category `vmtarget`, was `local`).' },
  },
  {
    id: 'vnc#2',
    group: 'vnc',
    category: 'vmtarget',
    patterns: [
      'vnc <play,> <vm target> <filename>',
      'vnc <type,> <vm target> <str>...',
      'vnc <stop,> <vm target>',
      'vnc <pause,> <vm target>',
      'vnc <continue,> <vm target>',
      'vnc <step,> <vm target>',
      'vnc <getstep,> <vm target>',
      'vnc <inject,> <vm target> <cmd>',
    ],
    summary: 'Replay recorded keyboard and mouse input into VMs, control the playback, or type text',
    doc: paras(
      '- `vnc play <vms> <file>` replays a recording made with `vnc record kb`.\n- `vnc pause <vms>` and `vnc continue <vms>` pause and resume it; `vnc step <vms>` moves on by one event; `vnc getstep <vms>` shows the current event; `vnc stop <vms>` ends it.\n- `vnc type <vms> <text>...` types the text as keystrokes.\n- `vnc inject <vms> <event>` sends one event, written like a line of a recording without the time delay, e.g. `PointerEvent,0,465,245`; a `LoadFile,<file>` event starts a playback.',
      nsVmTarget,
      'Example:',
      example('vnc play web[1-4] login.kb', 'vnc pause web[1-4]', 'vnc type web1 "hello world"'),
    ),
    args: {
      vm: vmTargetArg,
      filename: { summary: 'Recording made with `vnc record kb`', doc: 'Example: `login.kb`.', domain: 'path' },
      str: { summary: 'Text to type', doc: 'Words are typed separated by single spaces; quote text to keep several spaces.' },
      cmd: { summary: 'One event, e.g. `PointerEvent,0,465,245`', doc: 'Written like a line of a recording, without the time delay.' },
    },
    since23: { kind: 'changed', from: 'vnc#2', note: 'Takes a VM target (lists, ranges, `all`), reaches every host of the namespace, and `vnc type` is new.' },
  },
  {
    id: 'clear vnc',
    group: 'vnc',
    category: 'broadcast',
    patterns: ['clear vnc'],
    summary: "Stop the namespace's VNC recordings and playbacks",
    doc: paras(
      'Ends every recording started with `vnc record` and every playback started with `vnc play` in the namespace.',
      nsBroadcast,
      'Example:',
      example('clear vnc'),
    ),
    args: {},
  },
  {
    id: 'vnc#3',
    group: 'vnc',
    category: 'broadcast',
    patterns: ['vnc'],
    summary: "List the namespace's running VNC recordings and playbacks",
    doc: paras('Prints `name | type | time | filename`, one row per recording or playback in progress.', nsBroadcast, 'Example:', example('vnc')),
    args: {},
  },
];
