import type { RemovedHandler } from '../types.js';

/** The 2.3 handlers that minimega 3.1 no longer has. */
export const handlersRemovedIn31: readonly RemovedHandler[] = [
  { id: 'nsmod', note: 'minimega 3.1 has no `nsmod`: use `ns add-hosts <hosts>` and `ns del-hosts <hosts>`.' },
  {
    id: 'disk',
    note: 'In minimega 3.1 each form is a command of its own (`disk create`, `disk snapshot`, `disk inject`, `disk info`); the words stay the same, except that `options` with `disk inject` takes a single `files` word.',
  },
  { id: 'vyatta', note: 'minimega 3.1 has no vyatta routers; use `router` (minirouter) instead.' },
  { id: 'clear vyatta', note: 'minimega 3.1 has no vyatta routers; `clear router` clears minirouter settings.' },
  { id: 'web', note: 'minimega 3.1 has no built-in web interface; run the separate `miniweb` program.' },
];
