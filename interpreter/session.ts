/**
 * Running text on a node, one line at a time, as minimega's front ends do:
 * compile with the node's aliases, then dispatch with its record flag, as
 * one task of the node's command ordering (every front end and client comes
 * through here, so none can skip it).
 */
import type { LineOutcome } from './contracts/delivery.js';
import type { SimNode } from './sim-node.js';
import { execute } from './dispatch.js';
import { mentionsRead } from './handlers/read.js';
import type { CommandOrigin } from './files-dir.js';

/**
 * Compiles and runs one line on the node. Never throws for bad input. As in
 * minimega, a line is compiled when it arrives; only a command waits for its
 * turn in the node's ordering, so a blank, comment or invalid line is
 * answered at once even while another client's command runs. `origin` says
 * who typed it: a client of the node may only open files in its files
 * directory; `typed` says the line was typed at a prompt or sent by a
 * socket client (not read from a file).
 */
export async function runLine(node: SimNode, text: string, origin: CommandOrigin = 'local', typed = false): Promise<LineOutcome> {
  // A typed line (prompt, socket, minitest) gets the dialect's prompt alias expansion (3.1: first word only).
  const line = typed ? node.language.dialect.expandPromptAliases(text, node.aliases) : text;
  const r = node.language.compile(line, node.aliases);
  switch (r.kind) {
    case 'empty':
      return { kind: 'empty', batches: [] };
    case 'comment':
      return { kind: 'comment', batches: [] };
    case 'lexError':
      return { kind: 'compileError', error: r.error, batches: [] };
    case 'noMatch':
      return { kind: 'compileError', error: r.error, hint: r.hint, batches: [] };
    case 'command':
      return node.ordering.run('local', async () => {
        // minimega switches recording off for a whole command tree that
        // contains `read` at any level; the lines read run and are recorded
        // on their own.
        const record = node.flags.record && !mentionsRead(r.command);
        const batches = await execute(node, r.command, { record, compiledRecord: record, source: '', origin });
        return { kind: 'command', batches };
      });
  }
}
