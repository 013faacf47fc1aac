#!/usr/bin/env python3
"""An HTTPS GOPROXY that speaks HTTP/2 (ALPN h2) and HTTP/1.1, with faults of HTTP/2 alone.

    h2_server.py --root DIR --port N --cert PEM --key PEM [--listen ADDR] [--h2 ok|reset|goaway|ping-first] [--log FILE]

TLS offers ALPN h2 and http/1.1, as most module proxies do. Over HTTP/1.1 the files of DIR
(module-cache layout) are always served. Over HTTP/2, `ok` serves them too, `reset` answers
every request with RST_STREAM INTERNAL_ERROR, `goaway` with GOAWAY PROTOCOL_ERROR (last
stream 0), `ping-first` breaks the connection preface (a PING frame before the server's
SETTINGS, RFC 9113 §3.4) — a proxy or middlebox whose HTTP/2 is broken while HTTP/1.1 works. A missing file
is 404. The log file gets one line per request: the protocol ("h2" or "http/1.1") and the path.
Needs Debian's python3-h2. Prints "serving https on ADDR:PORT" once listening.
"""
import argparse, os, socket, ssl, sys, threading, urllib.parse

import h2.config
import h2.connection
import h2.errors
import h2.events
import h2.exceptions

CONTENT_TYPES = {".info": "application/json", ".mod": "text/plain; charset=utf-8", ".zip": "application/zip"}
LOCK = threading.Lock()


def log(args, protocol, path):
    if args.log:
        with LOCK, open(args.log, "a") as f:
            f.write("%s\t%s\n" % (protocol, path))


def lookup(root, target):
    """(status, content type, body) for a request target."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(target).path)
    full = os.path.realpath(os.path.join(root, path.lstrip("/")))
    if full.startswith(os.path.realpath(root) + os.sep) and os.path.isfile(full):
        with open(full, "rb") as f:
            body = f.read()
        return 200, CONTENT_TYPES.get(os.path.splitext(full)[1], "text/plain; charset=utf-8"), body
    return 404, "text/plain; charset=utf-8", b"not found: " + path.encode()


def serve_h2(sock, args):
    conn = h2.connection.H2Connection(config=h2.config.H2Configuration(client_side=False, header_encoding="utf-8"))
    conn.initiate_connection()
    if args.h2 == "ping-first":
        # length 8, type PING (6), no flags, stream 0, opaque data: sent before the SETTINGS.
        sock.sendall(b"\x00\x00\x08\x06\x00\x00\x00\x00\x00" + b"lab-ping")
    sock.sendall(conn.data_to_send())
    pending = {}  # stream id -> remaining body bytes (flow control)
    while True:
        data = sock.recv(65535)
        if not data:
            return
        for event in conn.receive_data(data):
            if isinstance(event, h2.events.RequestReceived):
                target = dict(event.headers).get(":path", "/")
                log(args, "h2", target)
                if args.h2 == "reset":
                    conn.reset_stream(event.stream_id, error_code=h2.errors.ErrorCodes.INTERNAL_ERROR)
                elif args.h2 == "goaway":
                    conn.close_connection(error_code=h2.errors.ErrorCodes.PROTOCOL_ERROR, last_stream_id=0)
                    sock.sendall(conn.data_to_send())
                    drain(sock)
                    return
                else:
                    status, content_type, body = lookup(args.root, target)
                    conn.send_headers(event.stream_id, [(":status", str(status)), ("content-type", content_type),
                                                        ("content-length", str(len(body)))], end_stream=not body)
                    if body:
                        pending[event.stream_id] = body
            elif isinstance(event, h2.events.ConnectionTerminated):
                sock.sendall(conn.data_to_send())
                return
        for stream_id in list(pending):
            body = pending[stream_id]
            while body:
                window = min(conn.local_flow_control_window(stream_id), conn.max_outbound_frame_size)
                if window <= 0:
                    break
                conn.send_data(stream_id, body[:window], end_stream=len(body) <= window)
                body = body[window:]
            if body:
                pending[stream_id] = body
            else:
                del pending[stream_id]
        out = conn.data_to_send()
        if out:
            sock.sendall(out)


def drain(sock, seconds=1.0):
    """Reads what the client still sends for up to `seconds`, as Go's and nginx's servers do
    after a GOAWAY: closing a socket with unread data sends a TCP reset, which can destroy the
    GOAWAY before the client reads it."""
    sock.settimeout(seconds)
    try:
        while sock.recv(65535):
            pass
    except (OSError, ssl.SSLError):
        pass


def serve_http11(sock, args):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65535)
        if not chunk:
            return
        data += chunk
        if len(data) > 65536:
            return
    line = data.split(b"\r\n", 1)[0].decode("latin-1")
    parts = line.split(" ")
    target = parts[1] if len(parts) >= 2 else "/"
    log(args, "http/1.1", target)
    status, content_type, body = lookup(args.root, target)
    reason = "OK" if status == 200 else "Not Found"
    head = "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % (
        status, reason, content_type, len(body))
    sock.sendall(head.encode() + (b"" if parts[0] == "HEAD" else body))


def handle(raw, context, args):
    try:
        with context.wrap_socket(raw, server_side=True) as sock:
            if sock.selected_alpn_protocol() == "h2":
                serve_h2(sock, args)
            else:
                serve_http11(sock, args)
    except (OSError, ssl.SSLError, h2.exceptions.ProtocolError):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--listen", default="::")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--h2", choices=["ok", "reset", "goaway", "ping-first"], default="ok")
    parser.add_argument("--log")
    args = parser.parse_args()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    context.set_alpn_protocols(["h2", "http/1.1"])
    family = socket.AF_INET6 if ":" in args.listen else socket.AF_INET
    server = socket.socket(family, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if family == socket.AF_INET6:
        server.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    server.bind((args.listen, args.port))
    server.listen(64)
    print("serving https on %s:%d" % (args.listen, server.getsockname()[1]), flush=True)
    while True:
        raw, _ = server.accept()
        threading.Thread(target=handle, args=(raw, context, args), daemon=True).start()


if __name__ == "__main__":
    main()
