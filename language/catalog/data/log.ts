import type { HandlerSpec } from '../types.js';

/** Handlers of the `log` family, in minimega 2.3 registration order. */
export const logHandlers: readonly HandlerSpec[] = [
  {
    id: "log level",
    group: "log",
    category: "local",
    patterns: [
      "log level [debug,info,warn,error,fatal]",
    ],
    summary: "Prints or changes log verbosity for every log sink.",
    doc: "Prints or changes log verbosity for every log sink.",
    simulated: false,
    args: {
      "debug": { summary: "log level; omit to print" },
      "info": { summary: "log level; omit to print" },
      "warn": { summary: "log level; omit to print" },
      "error": { summary: "log level; omit to print" },
      "fatal": { summary: "log level; omit to print" },
    },
  },
  {
    id: "log stderr",
    group: "log",
    category: "local",
    patterns: [
      "log stderr [true,false]",
    ],
    summary: "Reports whether log output goes to standard error, or turns that sink on or off.",
    doc: "Reports whether log output goes to standard error, or turns that sink on or off.",
    simulated: false,
    args: {
      "true": { summary: "boolean choice; omit to print current value" },
      "false": { summary: "boolean choice; omit to print current value" },
    },
  },
  {
    id: "log file",
    group: "log",
    category: "local",
    patterns: [
      "log file [file]",
    ],
    summary: "Prints the current log file or begins appending log output to a file.",
    doc: "Prints the current log file or begins appending log output to a file.",
    simulated: false,
    args: {
      "file": { summary: "path; parent directories are created" },
    },
  },
  {
    id: "log filter",
    group: "log",
    category: "local",
    patterns: [
      "log filter [filter]",
    ],
    summary: "Lists filters or adds one that hides log lines containing the given text.",
    doc: "Lists filters or adds one that hides log lines containing the given text.",
    simulated: false,
    args: {
      "filter": { summary: "plain substring" },
    },
  },
  {
    id: "log syslog",
    group: "log",
    category: "local",
    patterns: [
      "log syslog remote <tcp,udp> <address>",
      "log syslog <local,>",
    ],
    summary: "Sends log output to the local syslog or to a remote syslog server over TCP or UDP.",
    doc: "Sends log output to the local syslog or to a remote syslog server over TCP or UDP.",
    simulated: false,
    args: {
      "tcp": { summary: "transport" },
      "udp": { summary: "transport" },
      "address": { summary: "host:port" },
    },
  },
  {
    id: "clear log",
    group: "log",
    category: "local",
    patterns: [
      "clear log",
      "clear log <file,>",
      "clear log <level,>",
      "clear log <stderr,>",
      "clear log <filter,>",
      "clear log <syslog,>",
    ],
    summary: "Resets logging: closes the log file, restores level 'error', drops stderr and syslog sinks, and removes filters — all, or one selected piece.",
    doc: "Resets logging: closes the log file, restores level 'error', drops stderr and syslog sinks, and removes filters — all, or one selected piece.",
    simulated: false,
    args: {
    },
  },
];
