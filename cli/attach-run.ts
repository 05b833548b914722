/**
 * `mm run --attach`: runs script files on a minimega daemon over its socket.
 * Each line is checked by `mm`'s language, then sent; a line that does not
 * compile stops its file (as `read` stops there) and is not sent. Output is
 * printed as `minimega -e` prints it, or in minitest's transcript form.
 */
import { runScriptOnSocket, type AttachSink } from '../interpreter/socket/attach-script.js';
import { frameOutput, frameTranscript } from '../interpreter/socket/frame-printing.js';
import type { ParsedArgs } from './command-spec.js';
import { CliError, displayName, readScript, type CliIO } from './cli-io.js';
import { attachError, attachTarget, openAttach, socketHint } from './attach-session.js';

/** Runs `args.positionals` on the daemon; resolves to the exit status. */
export async function runAttached(io: CliIO, args: ParsedArgs): Promise<number> {
  const transcript = args.values.transcript === true;
  const write = (text: string): Promise<void> | undefined => {
    if (text === '') return undefined;
    io.stdout(text);
    return io.stdoutDrained?.();
  };
  const target = attachTarget(io, args.values);
  // Files are read before connecting: a missing one fails before anything runs.
  const scripts: { name: string; text: string }[] = [];
  for (const file of args.positionals) {
    const hint = file === args.positionals[0] ? socketHint(args, io.cwd) : '';
    if (hint !== '') throw new CliError(`${file}: not a script${hint}`);
    scripts.push({ name: displayName(file), text: await readScript(io, file) });
  }
  const session = await openAttach(target, (f) => void write(transcript ? frameTranscript(f) : frameOutput(f).stdout));
  // One checker for the whole run: aliases a file defines stay defined on the daemon for the next.
  const checker = session.language.createChecker();
  let failed = false;
  try {
    for (const { name, text } of scripts) {
      const sink: AttachSink = {
        line(i, line, check) {
          if (transcript) {
            const error = check.kind === 'invalid' ? `E: ${check.error}\n` : '';
            return write((line !== '' ? `## ${line}\n` : '\n') + error);
          }
          if (check.kind === 'invalid') io.stderr(`${name}:${i + 1}: E: ${check.error}\n`);
          return undefined;
        },
        frame(_i, frame) {
          if (transcript) return write(frameTranscript(frame));
          const { stdout, stderr } = frameOutput(frame);
          if (stderr !== '') io.stderr(stderr);
          return write(stdout);
        },
      };
      const r = await runScriptOnSocket(session.client, checker, text, sink);
      failed ||= r.failed;
      if (r.quit) break;
    }
  } catch (e) {
    throw attachError(e);
  } finally {
    session.client.close();
  }
  return failed ? 1 : 0;
}
