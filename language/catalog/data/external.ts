import type { HandlerSpec } from '../types.js';

/** Handlers of the `external` family, in minimega 2.3 registration order. */
export const externalHandlers: readonly HandlerSpec[] = [
  {
    id: "check",
    group: "external",
    category: "local",
    patterns: [
      "check",
    ],
    summary: "Checks that the external tools minimega relies on are on the PATH and new enough (kernel, dnsmasq, Open vSwitch, QEMU).",
    doc: "Checks that the external tools minimega relies on are on the PATH and new enough (kernel, dnsmasq, Open vSwitch, QEMU).",
    simulated: false,
    args: {
    },
  },
];
