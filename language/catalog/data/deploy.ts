import type { HandlerSpec } from '../types.js';

/** Handlers of the `deploy` family, in minimega 2.3 registration order. */
export const deployHandlers: readonly HandlerSpec[] = [
  {
    id: "deploy",
    group: "deploy",
    category: "local",
    patterns: [
      "deploy <launch,> <hosts>",
      "deploy <launch,> <hosts> <user> [sudo,]",
      "deploy <flags,> [minimega flags]...",
    ],
    summary: "Pushes the running minimega binary to remote machines with scp and starts it there through ssh (optionally as another user and via sudo), or shows/replaces the flag set used for those remote starts.",
    doc: "Pushes the running minimega binary to remote machines with scp and starts it there through ssh (optionally as another user and via sudo), or shows/replaces the flag set used for those remote starts.",
    simulated: false,
    args: {
      "hosts": { summary: "host list/range, e.g. kn[1-10]", domain: "hosts" },
      "user": { summary: "ssh login name" },
      "sudo": { summary: "run remote minimega through 'sudo -b'" },
      "minimega": { summary: "remote minimega flags such as -base=/opt/minimega; -nostdin=true appended automatically; no flags prints current set" },
    },
  },
  {
    id: "clear deploy flags",
    group: "deploy",
    category: "local",
    patterns: [
      "clear deploy flags",
    ],
    summary: "Forgets custom deploy flags so remote starts reuse this instance's own flags.",
    doc: "Forgets custom deploy flags so remote starts reuse this instance's own flags.",
    simulated: false,
    args: {
    },
  },
];
