import type { HandlerSpec } from '../types.js';

/** Handlers of the `misc` family, in minimega 2.3 registration order. */
export const miscHandlers: readonly HandlerSpec[] = [
  {
    id: "quit",
    group: "misc",
    category: "local",
    patterns: [
      "quit [delay]",
    ],
    summary: "Shuts minimega down now or after a delay.",
    doc: "Shuts minimega down now or after a delay.",
    simulated: true,
    args: {
      "delay": { summary: "integer seconds", domain: "int" },
    },
  },
  {
    id: "help",
    group: "misc",
    category: "local",
    patterns: [
      "help [command]...",
    ],
    summary: "Prints an overview of all commands, or detailed usage for the commands matching the given words.",
    doc: "Prints an overview of all commands, or detailed usage for the commands matching the given words.",
    simulated: true,
    args: {
      "command": { summary: "command words (prefix)" },
    },
  },
  {
    id: "read",
    group: "misc",
    category: "special",
    patterns: [
      "read <file> [check,]",
    ],
    summary: "Runs a file of minimega commands line by line, or only validates their syntax.",
    doc: "Runs a file of minimega commands line by line, or only validates their syntax.",
    simulated: true,
    args: {
      "file": { summary: "local script path", domain: "path" },
      "check": { summary: "syntax-check only; stop at first invalid line" },
    },
  },
  {
    id: "debug",
    group: "misc",
    category: "local",
    patterns: [
      "debug",
      "debug <memory,> <file>",
      "debug <cpu,> <start,> <file>",
      "debug <cpu,> <stop,>",
    ],
    summary: "Shows Go runtime counters (version, goroutines, cgo calls) or writes heap / CPU profiles for pprof.",
    doc: "Shows Go runtime counters (version, goroutines, cgo calls) or writes heap / CPU profiles for pprof.",
    simulated: false,
    args: {
      "file": { summary: "output path; relative paths resolve under the files dir" },
    },
  },
  {
    id: "version",
    group: "misc",
    category: "broadcast",
    patterns: [
      "version",
    ],
    summary: "Reports the build revision and date of minimega on each namespace host.",
    doc: "Reports the build revision and date of minimega on each namespace host.",
    simulated: true,
    args: {
    },
  },
  {
    id: "echo",
    group: "misc",
    category: "local",
    patterns: [
      "echo [args]...",
    ],
    summary: "Returns its arguments joined by spaces, showing the input after comments are stripped.",
    doc: "Returns its arguments joined by spaces, showing the input after comments are stripped.",
    simulated: true,
    args: {
      "args": { summary: "" },
    },
  },
];
