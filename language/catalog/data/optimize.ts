import type { HandlerSpec } from '../types.js';

/** Handlers of the `optimize` family, in minimega 2.3 registration order. */
export const optimizeHandlers: readonly HandlerSpec[] = [
  {
    id: "optimize",
    group: "optimize",
    category: "local",
    patterns: [
      "optimize",
      "optimize <affinity,> <filter,> <filter>",
      "optimize <affinity,> [true,false]",
      "optimize <hugepages,> [path]",
      "optimize <ksm,> [true,false]",
    ],
    summary: "Prints optimization status or controls Kernel Samepage Merging, VM CPU-affinity pinning (and its allowed CPU set), and the hugepages mount used for guest memory.",
    doc: "Prints optimization status or controls Kernel Samepage Merging, VM CPU-affinity pinning (and its allowed CPU set), and the hugepages mount used for guest memory.",
    simulated: false,
    args: {
      "filter": { summary: "CPU set as a bracketed list/range like [1,2-20] or a single CPU number, within 0..NumCPU-1" },
      "true": { summary: "boolean choice; omit to print current value" },
      "false": { summary: "boolean choice; omit to print current value" },
      "path": { summary: "hugetlbfs mount path; omit to print" },
    },
  },
  {
    id: "clear optimize",
    group: "optimize",
    category: "local",
    patterns: [
      "clear optimize",
      "clear optimize <affinity,> [filter,]",
      "clear optimize <hugepages,>",
      "clear optimize <ksm,>",
    ],
    summary: "Turns off all optimizations, or resets only affinity (or just its CPU set), hugepages, or KSM.",
    doc: "Turns off all optimizations, or resets only affinity (or just its CPU set), hugepages, or KSM.",
    simulated: false,
    args: {
    },
  },
];
