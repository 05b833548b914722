#!/usr/bin/env python3
"""Drives a program through a pseudo-terminal for the REPL tests.

usage: pty-driver.py STEPS_JSON -- PROGRAM ARGS...
STEPS_JSON is a list of {"send": str} and {"expect": str} steps; an expect
waits (up to 15 s) until the text has appeared in the output since the
previous expect. Prints the whole output; exits 1 when an expect times out.
"""
import json, os, pty, select, sys, time

def main():
    steps = json.loads(sys.argv[1])
    argv = sys.argv[sys.argv.index('--') + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    out = b''
    seen = 0
    def read_some(deadline):
        nonlocal out
        r, _, _ = select.select([fd], [], [], max(0, deadline - time.time()))
        if not r:
            return False
        try:
            data = os.read(fd, 4096)
        except OSError:
            return None
        if not data:
            return None
        out += data
        return True
    for step in steps:
        if 'send' in step:
            os.write(fd, step['send'].encode())
        else:
            want = step['expect'].encode()
            deadline = time.time() + 15
            while want not in out[seen:]:
                r = read_some(deadline)
                if r is False or r is None:
                    sys.stdout.write(out.decode(errors='replace'))
                    sys.stdout.write('\n<<timeout waiting for %r>>\n' % step['expect'])
                    sys.exit(1)
            seen = out.index(want, seen) + len(want)
    deadline = time.time() + 15
    while read_some(deadline):
        pass
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(out.decode(errors='replace'))
    sys.exit(0 if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else 2)

main()
