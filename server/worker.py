"""The gunicorn worker the API runs on (gunicorn.conf.py): no client gets a thread before its request is in.

gunicorn's sync worker gives a whole process to a connection from its first byte, and its gthread worker a
thread: a client that sends its headers one byte every few seconds holds it for as long as it likes, so a
handful of them stopped all service (issue 11). This worker is gthread with one change: the event loop
(the worker's main thread) reads each request's head, and its body when the head announces one, into a
buffer without blocking; only a complete request is handed to a thread. A request that has not arrived
within READ_TIMEOUT seconds of its first byte gets 408 problem+json and its connection is closed.

Bytes a thread still has to read (a body sent after `Expect: 100-continue`, a body too large to buffer, a
chunked body whose end the loop mistook) are read under the same deadline: past it the read raises
RequestReadTimeout, which the app answers 408 (api/problems.py). So no client holds a thread for longer
than READ_TIMEOUT while sending, whatever it sends, and slow clients cost the worker a socket and a buffer.

Answers are written by the thread that ran the app, and each write (a page, or one chunk of an export: 500
rows, under half a megabyte) must be taken by the client within WRITE_TIMEOUT seconds (default 30): a client
that stops reading loses its answer and frees the thread. One that reads just fast enough keeps it, so full
exports, the only answers larger than the socket buffers, also have a limit per process
(api/representations.py): they can never hold every thread.

The threads run the app as before: peewee keeps one connection per thread (docs/security.md).
"""
from __future__ import annotations

import errno
import os
import re
import selectors
import socket
import time
from collections import deque
from functools import partial

from gunicorn import util
from gunicorn.http.errors import NoMoreData
from gunicorn.workers.gthread import TConn, ThreadWorker

READ_TIMEOUT = float(os.environ.get("READ_TIMEOUT", "10"))
# a write of an answer the client has not taken in this many seconds abandons the answer and frees its thread
WRITE_TIMEOUT = float(os.environ.get("WRITE_TIMEOUT", "30"))
# an idle connection (no byte of a request yet) is closed after this many seconds, or after keep-alive
FIRST_BYTE_TIMEOUT = 5
# a head longer than this is handed over as it is: gunicorn refuses it (414/431) at its limits
MAX_BUFFERED_HEAD = 64 * 1024
# a body longer than this is handed over as it is: the app refuses it (413) without reading it all
MAX_BUFFERED_BODY = 1024 * 1024 + 64 * 1024
HEAD_END = re.compile(rb"\r?\n\r?\n")
CONTENT_LENGTH = re.compile(rb"^content-length[ \t]*:[ \t]*([0-9]{1,20})[ \t]*\r?$", re.I | re.M)
CHUNKED = re.compile(rb"^transfer-encoding[ \t]*:.*chunked", re.I | re.M)
EXPECT_CONTINUE = re.compile(rb"^expect[ \t]*:[ \t]*100-continue[ \t]*\r?\n", re.I | re.M)
CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
# an answered connection waits this long for the client to close its side (gunicorn's close_graceful), in the loop
LINGER = 2.0
MAX_LINGER_DRAIN = 65536  # bytes of a lingering connection read and dropped before it is closed anyway
# the last chunk (size 0, maybe extensions) and the empty line after it or after trailers
LAST_CHUNK = re.compile(rb"(?:^|\r\n)0+(?:;[^\r\n]*)?\r\n(?:[^\r\n]+\r\n)*\r\n")


class RequestReadTimeout(NoMoreData):
    """The client did not send its request within READ_TIMEOUT. A NoMoreData: gunicorn closes the connection
    quietly when it meets one while parsing a head."""

    def __str__(self):  # never the bytes read (NoMoreData's own message would quote them)
        return f"request not received within {READ_TIMEOUT:g} s"


def request_complete(buffer: bytes) -> bool:
    """True once `buffer` holds a whole request, or as much as is worth holding in the loop."""
    end = HEAD_END.search(buffer)
    if end is None:
        return len(buffer) > MAX_BUFFERED_HEAD
    head, body = buffer[:end.start()], buffer[end.end():]
    if len(body) > MAX_BUFFERED_BODY:
        return True  # the app will refuse it
    if CHUNKED.search(head):
        return LAST_CHUNK.search(body) is not None
    lengths = CONTENT_LENGTH.findall(head)
    if len(lengths) != 1:
        return True  # no body, or several lengths: gunicorn's parser refuses those
    return len(body) >= int(lengths[0]) or int(lengths[0]) > MAX_BUFFERED_BODY


class DeadlineSocket:
    """What a thread reads a request through: recv() waits at most until the connection's deadline."""

    def __init__(self, sock):
        self.sock = sock
        self.deadline = time.monotonic() + READ_TIMEOUT

    def recv(self, size: int) -> bytes:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise RequestReadTimeout()
        with selectors.DefaultSelector() as selector:
            selector.register(self.sock, selectors.EVENT_READ)
            if not selector.select(left):
                raise RequestReadTimeout()
        return self.sock.recv(size)

    def __getattr__(self, name):
        return getattr(self.sock, name)


class LingeringConn(TConn):
    """A connection whose graceful close (after its answer) lingers in the worker's event loop. gunicorn's own
    lingers in a call, up to 2 s, on the loop's thread: a client that took its answer without closing its
    side stopped every other connection of the worker for those 2 s (stop 18: six such clients, 6 s)."""

    def __init__(self, *args, linger, **kwargs):
        super().__init__(*args, **kwargs)
        self.linger = linger

    def close(self, graceful=False):
        if graceful:
            self.linger(self)
        else:
            super().close()


class RequestBufferingWorker(ThreadWorker):
    """gthread, reading requests in the event loop until they are complete (module docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.arriving: deque = deque()  # connections whose request is being read, oldest deadline first
        self.lingering: deque = deque()  # answered connections waiting for the client's close, oldest first

    def accept(self, listener):
        try:
            client_sock, client_addr = listener.accept()
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = LingeringConn(self.cfg, client_sock, client_addr, listener.getsockname(), linger=self._linger)
        self._read_request(conn)  # non-blocking

    def on_client_socket_readable(self, conn, client):
        """A kept-alive connection sends its next request: read it in the loop too."""
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        conn.sock.setblocking(False)
        self._read_request(conn)

    def _read_request(self, conn) -> None:
        conn.arrived = bytearray()
        conn.read_deadline = None  # set by the first byte: an idle connection is closed before it
        conn.timeout = time.monotonic() + max(self.cfg.keepalive, FIRST_BYTE_TIMEOUT)
        self.arriving.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_request_bytes, conn))

    def _on_request_bytes(self, conn, sock) -> None:
        data = _received(sock, 65536)
        if data is None:
            return
        if not data:  # the client has sent all it will (or went away): what it sent is the request, if any
            if conn.arrived:
                self.poller.unregister(sock)
                self.arriving.remove(conn)
                self._hand_over(conn)
            else:
                self._drop(conn)
            return
        if conn.read_deadline is None:
            conn.read_deadline = time.monotonic() + READ_TIMEOUT
            conn.timeout = conn.read_deadline
        conn.arrived += data
        self._continue_if_expected(conn)
        if request_complete(bytes(conn.arrived)):
            self.poller.unregister(sock)
            self.arriving.remove(conn)
            self._hand_over(conn)

    def _continue_if_expected(self, conn) -> None:
        """A client that sent `Expect: 100-continue` waits for "100 Continue" before its body: this loop says
        it and reads the body too, and the head handed over no longer asks (gunicorn would say it again)."""
        end = HEAD_END.search(conn.arrived)
        if end is None:
            return
        head = bytes(conn.arrived[:end.end()])
        expect = EXPECT_CONTINUE.search(head)
        if expect is None or not head.split(b"\r\n", 1)[0].endswith(b"HTTP/1.1"):
            return
        if len(CONTENT_LENGTH.findall(head)) == 1 and int(CONTENT_LENGTH.search(head).group(1)) > MAX_BUFFERED_BODY:
            return  # the app refuses it unread: gunicorn's own handling of the expectation is right
        try:
            conn.sock.sendall(CONTINUE)
        except OSError:
            return
        conn.arrived[expect.start():expect.end()] = b""

    def _hand_over(self, conn) -> None:
        conn.sock.setblocking(True)
        conn.init()  # the HTTP/1 parser, in this thread: it only wraps the socket
        if not isinstance(conn.parser.unreader.sock, DeadlineSocket):
            conn.parser.unreader.sock = DeadlineSocket(conn.sock)
        conn.parser.unreader.unread(bytes(conn.arrived))
        conn.arrived = bytearray()
        conn.data_ready = True
        self.enqueue_req(conn)

    def enqueue_req(self, conn):
        reader = getattr(conn.parser, "unreader", None) if conn.parser else None
        if reader is not None and isinstance(reader.sock, DeadlineSocket):
            reader.sock.deadline = time.monotonic() + READ_TIMEOUT  # each request has its own
        super().enqueue_req(conn)

    def handle_request(self, req, conn):
        """Runs the app; each write of the answer waits at most WRITE_TIMEOUT seconds for the client to take it."""
        conn.sock.settimeout(WRITE_TIMEOUT)
        try:
            return super().handle_request(req, conn)
        except TimeoutError:
            self.log.warning("An answer was abandoned: its client did not take a write in %g seconds.", WRITE_TIMEOUT)
            raise OSError(errno.EPIPE, "the client stopped reading") from None  # closed quietly, as a hang-up

    def murder_pending(self):
        super().murder_pending()
        now = time.monotonic()
        while self.lingering and self.lingering[0].linger_until <= now:
            self._close_lingering(self.lingering.popleft())
        for conn in [c for c in self.arriving if c.timeout <= now]:
            self.arriving.remove(conn)
            self._unregister(conn.sock)
            if conn.arrived:  # a request had begun: say why it is not answered
                _write_timeout(conn.sock)
            self.nr_conns -= 1
            conn.close()

    def _linger(self, conn) -> None:
        """RFC 9112's close, as gunicorn's close_graceful: send FIN, read and drop what the client still
        sends until it closes too (then no RST cuts the answer short), at most LINGER seconds; in the loop."""
        try:
            conn.sock.shutdown(socket.SHUT_WR)
            conn.sock.setblocking(False)
        except OSError:
            util.close(conn.sock)
            return
        conn.drained, conn.linger_until = 0, time.monotonic() + LINGER
        self.lingering.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_linger_bytes, conn))

    def _on_linger_bytes(self, conn, sock) -> None:
        data = _received(sock, 4096)
        if data is None:
            return
        conn.drained += len(data)
        if not data or conn.drained >= MAX_LINGER_DRAIN:
            self.lingering.remove(conn)
            self._close_lingering(conn)

    def _close_lingering(self, conn) -> None:
        self._unregister(conn.sock)
        util.close(conn.sock)

    def _drop(self, conn) -> None:
        self.arriving.remove(conn)
        self._unregister(conn.sock)
        self.nr_conns -= 1
        conn.close()

    def _unregister(self, sock) -> None:
        try:
            self.poller.unregister(sock)
        except (OSError, KeyError, ValueError):
            pass  # not registered (any more), or already closed


def _received(sock, size: int) -> bytes | None:
    """What a non-blocking socket has for us: None when nothing yet, b"" when the client closed or failed."""
    try:
        return sock.recv(size)
    except (BlockingIOError, InterruptedError):
        return None
    except OSError:
        return b""


def _write_timeout(sock) -> None:
    from api.problems import write_protocol_error  # the same problem+json gunicorn's own refusals get

    try:
        write_protocol_error(sock, 408, "Request Timeout",
                             f"The request was not received within {READ_TIMEOUT:g} seconds.")
    except OSError:
        pass
