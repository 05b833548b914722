/**
 * How clients print frames: minimega's `-e` and `-attach` (the rendered
 * text on stdout, then `Error (<host>): <error>` lines on stderr) and
 * minitest's transcript (`E: <error>` lines, then the rendered text).
 */
import { goTrimSpace } from '../../language/index.js';
import type { ReadFrame } from './frame-reading.js';

/** What `-e`/`-attach` print for one frame: stdout and stderr text (each "" or ending in LF). */
export function frameOutput(frame: ReadFrame): { readonly stdout: string; readonly stderr: string } {
  let errors = '';
  for (const r of frame.resp ?? []) if (r.error !== '') errors += `Error (${r.host}): ${r.error}\n`;
  const block = goTrimSpace(errors);
  return { stdout: frame.rendered !== '' ? frame.rendered + '\n' : '', stderr: block !== '' ? block + '\n' : '' };
}

/** What minitest writes for one frame: each error as `E: <error>`, then the rendered text. */
export function frameTranscript(frame: ReadFrame): string {
  let out = '';
  for (const r of frame.resp ?? []) if (r.error !== '') out += `E: ${r.error}\n`;
  return frame.rendered !== '' ? out + frame.rendered + '\n' : out;
}

/** The errors of a frame, as `{host, error}`. */
export function frameErrors(frame: ReadFrame): { readonly host: string; readonly error: string }[] {
  return (frame.resp ?? []).filter((r) => r.error !== '').map((r) => ({ host: r.host, error: r.error }));
}
