#!/usr/bin/env python3
"""Runs a command in a pseudo-terminal and plays a script against it, as a user at a keyboard would.

Usage: pty-session.py SCRIPT.json -- COMMAND [ARGS...]
SCRIPT is a list of steps:
  {"expect": "regex"}   wait until the screen output (ANSI codes removed) since the last match matches
  {"send": "text"}      type text ("\\r" is Enter, "\\u001b[B" is the down arrow, "\\u0003" Ctrl-C)
  {"hangup": true}      close the terminal (the master side), as when a terminal window is closed
  {"write": [path, text]}  create a file (relative to the current folder), as another program would
Prints one JSON object: {"exit": code or null, "signal": number or null, "output": text, "error": text or null}.
A step that waits longer than the deadline stops the session and reports which step it was.
"""
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

DEADLINE = float(os.environ.get('PTY_STEP_DEADLINE', '30'))
ANSI = re.compile(r'\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]')


def main():
    script_path = sys.argv[1]
    command = sys.argv[sys.argv.index('--') + 1:]
    with open(script_path, encoding='utf-8') as f:
        steps = json.load(f)

    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    # A wide window, so long questions are not wrapped across lines the script matches.
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 240, 0, 0))
    # Never block on a write: the program may be writing too.
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)

    raw = b''
    seen = 0  # position in the cleaned output after the last match
    error = None
    open_fd = True

    def read_some(timeout):
        nonlocal raw, open_fd
        if not open_fd:
            return False
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            return True
        except OSError:
            chunk = b''
        if not chunk:
            return False
        raw += chunk
        return True

    def screen():
        return ANSI.sub('', raw.decode('utf-8', 'replace'))

    for i, step in enumerate(steps):
        if 'expect' in step:
            pattern = re.compile(step['expect'])
            start = time.monotonic()
            while True:
                m = pattern.search(screen(), seen)
                if m:
                    seen = m.end()
                    break
                if time.monotonic() - start > DEADLINE or not read_some(0.2):
                    error = f'step {i}: never saw {step["expect"]!r}'
                    break
            if error:
                break
        elif 'send' in step:
            # Keys arrive one read at a time, as typed, so each keypress is seen on its own.
            time.sleep(0.05)
            # A long paste is written in pieces while the program's echo is read: writing it whole
            # blocks once the terminal's buffer is full while the program blocks writing its echo.
            data = step['send'].encode('utf-8')
            start = time.monotonic()
            while data and error is None:
                readable, writable, _ = select.select([fd], [fd], [], 0.2)
                if readable:
                    read_some(0)
                if writable:
                    try:
                        data = data[os.write(fd, data[:512]):]
                    except BlockingIOError:
                        pass
                if time.monotonic() - start > DEADLINE:
                    error = f'step {i}: could not send {len(data)} more bytes'
            if error:
                break
        elif 'write' in step:
            path, text = step['write']
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
        elif step.get('hangup'):
            os.close(fd)
            open_fd = False
            break

    if error:
        os.kill(pid, signal.SIGKILL)
    while read_some(1.0):
        pass
    _, status = os.waitpid(pid, 0)
    if open_fd:
        os.close(fd)
    print(json.dumps({
        'exit': os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        'signal': os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        'output': screen(),
        'error': error,
    }, ensure_ascii=False))


if __name__ == '__main__':
    main()
