// The soak test's clients, written from ../shared/spec/socket.md alone (nothing of mm is
// imported), in a process of their own so that they do not share the node's CPU and heap.
//
// usage: node socket-soak-client.mjs SOCKET DIALECT CLIENTS COMMANDS
// Opens CLIENTS connections at once; each runs COMMANDS commands and checks that every answer
// is exactly one terminal frame that answers its own request, in order. Odd clients send one
// request at a time; even clients write all their requests at once (requests sent early wait
// in the socket, socket.md section 2). Every 50th command is a table (`vm info` of the VMs the
// test launched), the rest are echoes naming the client and the command. Prints one JSON line:
// {"commands": N, "problems": [...]}.
import { connect } from 'node:net';

const [path, dialect, clients, commands] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const request = (line) => (dialect === '2.3' ? `{"Original":${JSON.stringify(line)}}\n` : `{"Command":${JSON.stringify(line)},"Suggest":"","PlumbPipe":""}\n`);
const problems = [];
let answered = 0;

function commandOf(client, i) {
  return i % 50 === 49
    ? { line: '.columns name vm info', expect: (r) => r.split('\n').length === 21 }
    : { line: `echo c${client}-${i}`, expect: (r) => r === `mm1: c${client}-${i}` };
}

function runClient(client) {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.setEncoding('utf8');
    const pipelined = client % 2 === 0;
    let next = 0;
    let buffer = '';
    const sendNext = () => socket.write(request(commandOf(client, next).line));
    socket.on('connect', () => {
      if (pipelined) socket.write(Array.from({ length: commands }, (_, i) => request(commandOf(client, i).line)).join(''));
      else sendNext();
    });
    socket.on('data', (d) => {
      buffer += d;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const frame = JSON.parse(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        const want = commandOf(client, next);
        if (frame.More || frame.Status === true || !want.expect(frame.Rendered)) {
          problems.push({ client, command: next, line: want.line, frame });
        }
        next++;
        answered++;
        if (next === commands) return void socket.end();
        if (!pipelined) sendNext();
      }
    });
    socket.on('close', () => {
      if (next < commands) problems.push({ client, lost: commands - next });
      resolve();
    });
    socket.on('error', (e) => problems.push({ client, error: e.message }));
  });
}

await Promise.all(Array.from({ length: clients }, (_, c) => runClient(c)));
process.stdout.write(JSON.stringify({ commands: answered, problems: problems.slice(0, 20) }) + '\n');
