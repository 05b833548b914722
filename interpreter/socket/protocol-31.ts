/**
 * minimega 3.1's socket protocol. A request is `{"Command","Suggest",
 * "PlumbPipe"}`, checked in that order: a pipe name turns the connection
 * into a pipe attachment; otherwise exactly one of `Command` and `Suggest`
 * must be set. Frames add `Status` (always) and `Suggest` (when there are
 * candidates); each response adds `Data`.
 */
import { goJsonString, RENDER_31 } from '../render/index.js';
import { decodeGoStruct, stringField, type GoFieldType, type GoStruct } from './go-struct.js';
import type { SocketProtocol } from './protocol-types.js';

const STRING: GoFieldType = { kind: 'string' };
const REQUEST: GoStruct = { name: 'miniclient.Request', fields: { Command: STRING, Suggest: STRING, PlumbPipe: STRING } };

/** The error frame's text when a request asks for neither or both. */
export const NEITHER_COMMAND_NOR_SUGGEST = 'must specify either command or suggest';

export const protocol31: SocketProtocol = {
  dialect: '3.1',
  frames: { data: true, status: true, suggest: true },
  render: RENDER_31,
  decodeRequest(value) {
    const d = decodeGoStruct(value, REQUEST);
    if (!d.ok) return { kind: 'close', error: d.error };
    const command = stringField(d.value, 'Command');
    const suggest = stringField(d.value, 'Suggest');
    const pipe = stringField(d.value, 'PlumbPipe');
    if (pipe !== '') return { kind: 'pipe', name: pipe };
    if ((command === '') === (suggest === '')) return { kind: 'refuse', error: NEITHER_COMMAND_NOR_SUGGEST };
    return suggest !== '' ? { kind: 'suggest', line: suggest } : { kind: 'command', line: command };
  },
  // The real client always writes all three fields.
  commandRequest: (line) => `{"Command":${goJsonString(line)},"Suggest":"","PlumbPipe":""}\n`,
  suggestRequest: (line) => `{"Command":"","Suggest":${goJsonString(line)},"PlumbPipe":""}\n`,
};
