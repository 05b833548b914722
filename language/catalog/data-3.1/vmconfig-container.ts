import type { HandlerSpec } from '../types.js';
import { example, filesPath, nsConfig, paras, showOrSet, unsignedField } from './doc-text.js';
import { configField, sameAs23 } from './vmconfig-field.js';
import { configParam } from './vmconfig-params.js';

const onlyContainers = 'Only containers use it.';

/** The container `vm config` fields, in minimega 3.1 registration order. */
export const vmconfigContainerHandlers: readonly HandlerSpec[] = [
  configField('filesystem', ['vm config filesystem [value]'], {
    summary: 'Show or set the root filesystem directory of new containers (required for containers)',
    shows: 'the directory',
    about: [
      filesPath,
      'Containers cannot launch without it (`unable to create container without a configured filesystem`; the failure only shows in `ns schedule status`). Several containers can share a filesystem only while `vm config snapshot` is `true`.',
    ],
    examples: ['vm config filesystem /images/containerfs', 'vm launch container c[1-3]'],
    arg: { summary: "Directory with the container's root filesystem", doc: 'Example: `/images/containerfs`.', domain: 'path' },
    since23: {
      kind: 'changed',
      from: 'vm config filesystem',
      note: 'The argument is now called `value`, and a relative path is joined to the files directory.',
    },
  }),
  configField('hostname', ['vm config hostname [value]'], {
    summary: 'Show or set the hostname of new containers',
    shows: 'the hostname',
    about: [onlyContainers + ' When it is empty, each container gets its VM name.'],
    examples: ['vm config hostname router'],
    arg: { summary: 'Hostname for the containers', doc: 'Example: `router`.', domain: 'text' },
    since23: sameAs23('vm config hostname'),
  }),
  configField('init', ['vm config init [value]...'], {
    summary: 'Show or set the program new containers run first (process 1)',
    shows: 'the program and its arguments, e.g. `[/init]`',
    about: [onlyContainers + " The path is inside the container's filesystem."],
    examples: ['vm config init /sbin/init'],
    arg: { summary: 'Program inside the container, then its arguments', doc: 'Example: `/sbin/init`. Default `/init`.', domain: 'text' },
    since23: {
      kind: 'changed',
      from: 'vm config init',
      note: 'The argument is now called `value`, and `clear vm config init` really resets it (2.3 cleared `initrd`).',
    },
  }),
  configField('preinit', ['vm config preinit [value]'], {
    summary: 'Show or set a program run with host privileges before a container is locked down',
    shows: 'the program',
    about: [onlyContainers + ' The path is taken as given.'],
    examples: ['vm config preinit /preinit'],
    arg: { summary: 'Program to run before the container is locked down', doc: 'Example: `/preinit`.', domain: 'text' },
    since23: sameAs23('vm config preinit'),
  }),
  configField('fifos', ['vm config fifos [value]'], {
    summary: 'Show or set how many named pipes connect new containers to the host',
    shows: 'the number of pipes',
    about: [onlyContainers, unsignedField('fifos')],
    examples: ['vm config fifos 1'],
    arg: { summary: 'Number of named pipes; default 0', doc: 'An unsigned integer, e.g. `1`.', domain: 'uint' },
    since23: {
      kind: 'changed',
      from: 'vm config fifo',
      note: 'Renamed from `vm config fifo` (which still works as an abbreviation); `clear vm config fifos` exists now.',
    },
  }),
  {
    id: 'vm config volume',
    group: 'vmconfiger',
    category: 'local',
    patterns: ['vm config volume', 'vm config volume <key> [value]'],
    summary: 'Show or add host directories mounted into new containers',
    doc: paras(
      showOrSet(configParam('volume'), 'the volumes, one `<container path> -> <host path>` line each') +
        ' The key is the mount point inside the container, the value the host directory; `clear vm config volume` removes them all.',
      onlyContainers + ' ' + filesPath,
      nsConfig,
      'Example:',
      example('vm config volume /data /srv/lab/data'),
      'Quirk: `vm config volume <container path>` without a host directory prints nothing, even when that volume exists.',
    ),
    args: {
      key: { summary: 'Mount point inside the container', doc: 'Example: `/data`.', domain: 'text' },
      value: { summary: 'Host directory to mount there', doc: 'Example: `/srv/lab/data`.', domain: 'path' },
    },
    quirks: ['`vm config volume <key>` without a value prints nothing'],
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
];
