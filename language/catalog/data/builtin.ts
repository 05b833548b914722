import type { HandlerSpec } from '../types.js';

/** Handlers of the `builtin` family, in minimega 2.3 registration order. */
export const builtinHandlers: readonly HandlerSpec[] = [
  {
    id: ".csv",
    group: "builtin",
    category: "special",
    patterns: [
      ".csv [true,false]",
      ".csv <true,false> (command)",
    ],
    summary: "Switches the default output format to comma-separated values, or renders just the nested command's output as CSV.",
    doc: "Switches the default output format to comma-separated values, or renders just the nested command's output as CSV.",
    simulated: true,
    args: {
      "true": { summary: "boolean choice; omit to print current value" },
      "false": { summary: "boolean choice; omit to print current value" },
      "command": { summary: "any complete minimega command line (parsed recursively by minicli.Compile)", domain: "command" },
    },
  },
  {
    id: ".json",
    group: "builtin",
    category: "special",
    patterns: [
      ".json [true,false]",
      ".json <true,false> (command)",
    ],
    summary: "Switches the default output format to JSON, or renders just the nested command's output as JSON.",
    doc: "Switches the default output format to JSON, or renders just the nested command's output as JSON.",
    simulated: true,
    args: {
      "true": { summary: "boolean choice; omit to print current value" },
      "false": { summary: "boolean choice; omit to print current value" },
      "command": { summary: "any complete minimega command line (parsed recursively by minicli.Compile)", domain: "command" },
    },
  },
  {
    id: ".headers",
    group: "builtin",
    category: "special",
    patterns: [
      ".headers [true,false]",
      ".headers <true,false> (command)",
    ],
    summary: "Turns printing of column headers for table output on or off, either as the default or for one nested command.",
    doc: "Turns printing of column headers for table output on or off, either as the default or for one nested command.",
    simulated: true,
    args: {
      "true": { summary: "boolean choice; omit to print current value" },
      "false": { summary: "boolean choice; omit to print current value" },
      "command": { summary: "any complete minimega command line (parsed recursively by minicli.Compile)", domain: "command" },
    },
  },
  {
    id: ".annotate",
    group: "builtin",
    category: "special",
    patterns: [
      ".annotate [true,false]",
      ".annotate <true,false> (command)",
    ],
    summary: "Turns prefixing of responses with the name of the answering host on or off, as the default or for one nested command.",
    doc: "Turns prefixing of responses with the name of the answering host on or off, as the default or for one nested command.",
    simulated: true,
    args: {
      "true": { summary: "boolean choice; omit to print current value" },
      "false": { summary: "boolean choice; omit to print current value" },
      "command": { summary: "any complete minimega command line (parsed recursively by minicli.Compile)", domain: "command" },
    },
  },
  {
    id: ".sort",
    group: "builtin",
    category: "special",
    patterns: [
      ".sort [true,false]",
      ".sort <true,false> (command)",
    ],
    summary: "Turns sorting of table rows by their first column (plain string order) on or off, as the default or for one nested command.",
    doc: "Turns sorting of table rows by their first column (plain string order) on or off, as the default or for one nested command.",
    simulated: true,
    args: {
      "true": { summary: "boolean choice; omit to print current value" },
      "false": { summary: "boolean choice; omit to print current value" },
      "command": { summary: "any complete minimega command line (parsed recursively by minicli.Compile)", domain: "command" },
    },
  },
  {
    id: ".compress",
    group: "builtin",
    category: "special",
    patterns: [
      ".compress [true,false]",
      ".compress <true,false> (command)",
    ],
    summary: "Turns merging of identical answers from several hosts into one host-range line on or off, as the default or for one nested command.",
    doc: "Turns merging of identical answers from several hosts into one host-range line on or off, as the default or for one nested command.",
    simulated: true,
    args: {
      "true": { summary: "boolean choice; omit to print current value; has no effect in JSON mode" },
      "false": { summary: "boolean choice; omit to print current value; has no effect in JSON mode" },
      "command": { summary: "any complete minimega command line (parsed recursively by minicli.Compile)", domain: "command" },
    },
  },
  {
    id: ".filter",
    group: "builtin",
    category: "special",
    patterns: [
      ".filter <filter> (command)",
    ],
    summary: "Runs the nested command and drops table rows whose given column does not satisfy the comparison.",
    doc: "Runs the nested command and drops table rows whose given column does not satisfy the comparison.",
    simulated: true,
    args: {
      "filter": { summary: "COL=VAL, COL!=VAL, COL~SUBSTR or COL!~SUBSTR; case-insensitive; list/object-valued cells ([..] or {..}) use substring match; COL 'host' matches the responding host name", domain: "filter" },
      "command": { summary: "any complete minimega command line (parsed recursively by minicli.Compile)", domain: "command" },
    },
  },
  {
    id: ".columns",
    group: "builtin",
    category: "special",
    patterns: [
      ".columns <columns as csv> (command)",
    ],
    summary: "Runs the nested command and keeps only the listed table columns, in the listed order.",
    doc: "Runs the nested command and keeps only the listed table columns, in the listed order.",
    simulated: true,
    args: {
      "columns": { summary: "comma-separated header names, exact case-sensitive match; unknown column -> error", domain: "columns" },
      "command": { summary: "any complete minimega command line (parsed recursively by minicli.Compile)", domain: "command" },
    },
  },
  {
    id: ".record",
    group: "builtin",
    category: "special",
    patterns: [
      ".record [true,false]",
      ".record <true,false> (command)",
    ],
    summary: "Controls whether commands get stored in the command history, as the default or for one nested command.",
    doc: "Controls whether commands get stored in the command history, as the default or for one nested command.",
    simulated: true,
    args: {
      "true": { summary: "boolean choice; omit to print current value" },
      "false": { summary: "boolean choice; omit to print current value" },
      "command": { summary: "any complete minimega command line (parsed recursively by minicli.Compile)", domain: "command" },
    },
  },
  {
    id: ".alias",
    group: "builtin",
    category: "local",
    patterns: [
      ".alias",
      ".alias <alias>...",
    ],
    summary: "Prints the alias table or defines a shorthand that is textually expanded when it begins an input line.",
    doc: "Prints the alias table or defines a shorthand that is textually expanded when it begins an input line.",
    simulated: true,
    args: {
      "alias": { summary: "words joined with spaces then split at the first '=': NAME=EXPANSION; no argument lists aliases", domain: "alias" },
    },
  },
  {
    id: ".unalias",
    group: "builtin",
    category: "local",
    patterns: [
      ".unalias <alias>",
    ],
    summary: "Deletes a shorthand alias by name; missing names are silently ignored.",
    doc: "Deletes a shorthand alias by name; missing names are silently ignored.",
    simulated: true,
    args: {
      "alias": { summary: "alias name" },
    },
  },
];
