// A minimal client of minimega's local socket, written from ../shared/spec/socket.md alone (it
// imports nothing of mm), run as a child process by the end-to-end tests.
//
// usage: node spec-socket-client.mjs SOCKET STYLE REQUEST...
//   STYLE go:     each REQUEST is sent as given followed by LF, as Go's encoder writes it; the
//                 frames are read up to the terminal one (More false, Status not true).
//   STYLE python: each REQUEST is a command line, sent as the Python bindings send it,
//                 {"Command": "<line>"} with no LF; one line is read, then the rest while More.
// Every frame read is printed on its own line. Exit status 0; 3 if the server closed the
// connection before a request was answered (then "<closed>" is printed).
import { connect } from 'node:net';

const [path, style, ...requests] = process.argv.slice(2);
const socket = connect(path);
socket.setEncoding('utf8');

let buffer = '';
const lines = [];
let waiting;
let closed = false;
socket.on('data', (d) => {
  buffer += d;
  for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
    lines.push(buffer.slice(0, nl));
    buffer = buffer.slice(nl + 1);
  }
  wake();
});
socket.on('close', () => {
  closed = true;
  wake();
});
socket.on('error', (e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
});

function wake() {
  const w = waiting;
  waiting = undefined;
  if (w) w();
}

async function readLine() {
  while (lines.length === 0) {
    if (closed) return undefined;
    await new Promise((r) => (waiting = r));
  }
  return lines.shift();
}

await new Promise((r) => socket.once('connect', r));
for (const request of requests) {
  socket.write(style === 'python' ? `{"Command": ${JSON.stringify(request)}}` : `${request}\n`);
  for (;;) {
    const line = await readLine();
    if (line === undefined) {
      process.stdout.write('<closed>\n');
      process.exit(3);
    }
    process.stdout.write(`${line}\n`);
    const frame = JSON.parse(line);
    if (!frame.More && frame.Status !== true) break;
  }
}
socket.end();
