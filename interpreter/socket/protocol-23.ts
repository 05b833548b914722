/**
 * minimega 2.3's socket protocol. The client sends a whole compiled
 * `minicli.Command`; the server reads nothing but `Original` and compiles
 * it again with its own table. Frames are `{"Resp","Rendered","More"}`;
 * there is no completion over the socket and no status frame (a 2.3 client
 * would take one for its answer).
 */
import { goJsonString, RENDER_23 } from '../render/index.js';
import { decodeGoStruct, stringField, type GoFieldType, type GoStruct } from './go-struct.js';
import type { SocketProtocol } from './protocol-types.js';

const STRING: GoFieldType = { kind: 'string' };
const BOOL: GoFieldType = { kind: 'bool' };

// Declaration order of `minicli.Command`; `Subcommand` points back at the struct itself.
const commandFields: Record<string, GoFieldType> = {
  Pattern: STRING,
  Original: STRING,
  StringArgs: { kind: 'map', elem: STRING },
  BoolArgs: { kind: 'map', elem: BOOL },
  ListArgs: { kind: 'map', elem: { kind: 'slice', elem: STRING } },
  Subcommand: STRING,
  Record: BOOL,
  Source: STRING,
};
const COMMAND: GoStruct = { name: 'minicli.Command', fields: commandFields };
commandFields.Subcommand = { kind: 'struct', struct: COMMAND };

export const protocol23: SocketProtocol = {
  dialect: '2.3',
  frames: { data: false, status: false, suggest: false },
  render: RENDER_23,
  decodeRequest(value) {
    const d = decodeGoStruct(value, COMMAND);
    if (!d.ok) return { kind: 'close', error: d.error };
    return { kind: 'command', line: stringField(d.value, 'Original') };
  },
  // minitest's form: the text alone, every other field empty.
  commandRequest: (line) =>
    `{"Pattern":"","Original":${goJsonString(line)},"StringArgs":null,"BoolArgs":null,"ListArgs":null,"Subcommand":null,"Record":false,"Source":""}\n`,
  suggestRequest: () => undefined,
};
