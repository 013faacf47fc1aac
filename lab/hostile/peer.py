#!/usr/bin/env python3
"""Hostile peers for the lab: what a broken or malicious mirror, interception box or resolver
may send. Loopback only; one kind per process.

    peer.py --kind http|tls-garbage|tls-stall|tls-endless|dns-flood|dns-cname-loop [--port N]

http: the path picks the behaviour
    /slowloris        status line, then one header byte every 0.5 s, forever
    /endless-headers  status line, then headers as fast as the client reads, forever
    /huge-status      a status line that never ends
    /endless-body     200 without Content-Length, a body that never ends (fast)
    /endless-chunked  200, chunked, chunks that never end (fast)
    /redirect-loop    302 to /redirect-loop-b, which redirects back
    /redirect-chain/N 302 to /redirect-chain/N+1, forever
    /gzip-bomb        200, Content-Encoding: gzip, 64 MiB of zeros compressed (~64 KiB)
    /escape           404 whose reason phrase, a header and the body carry terminal escapes
                      (clear screen, OSC 52 clipboard write, window title)
    /not-http         an SSH banner and garbage, then close
tls-garbage:  reads the ClientHello, answers 64 KiB of random bytes, closes
tls-stall:    accepts, reads, never answers
tls-endless:  answers a TLS record header announcing 16 KiB, then random bytes forever
dns-flood:    UDP: TC=1; TCP: NOERROR with 4,000 A records for any name
dns-cname-loop: NOERROR, a CNAME from the name to itself-b and from -b back to the name
Prints "hostile KIND ready on 127.0.0.1:PORT" once bound.
"""
import argparse, os, socket, struct, sys, threading, time, zlib

ESC = "\x1b"


def gzip_bomb(size=64 << 20):
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    block = b"\0" * (1 << 20)
    parts = [compressor.compress(block) for _ in range(size >> 20)]
    parts.append(compressor.flush())
    return b"".join(parts)


def http_peer(conn, bomb):
    request = b""
    while b"\r\n\r\n" not in request:
        data = conn.recv(4096)
        if not data:
            return
        request += data
    full = request.split(b" ", 2)[1].decode("latin-1")
    # The first path segment picks the behaviour, so a GOPROXY of http://HOST:PORT/slowloris
    # gets it for every module request; /redirect-* keep their whole path.
    path = full if full.startswith("/redirect-") else "/" + full.lstrip("/").split("/", 1)[0]
    send = conn.sendall
    if path == "/slowloris":
        send(b"HTTP/1.1 200 OK\r\n")
        while True:
            send(b"X")
            time.sleep(0.5)
    if path == "/endless-headers":
        send(b"HTTP/1.1 200 OK\r\n")
        n = 0
        while True:
            send(b"X-Fill-%d: %s\r\n" % (n, b"a" * 1000))
            n += 1
    if path == "/huge-status":
        send(b"HTTP/1.1 200 ")
        while True:
            send(b"O" * 65536)
    if path == "/endless-body":
        send(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n")
        while True:
            send(b"\0" * 65536)
    if path == "/endless-chunked":
        send(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        while True:
            send(b"10000\r\n" + b"\0" * 65536 + b"\r\n")
    if path.startswith("/redirect-loop"):
        target = "/redirect-loop" if path.endswith("-b") else "/redirect-loop-b"
        send(("HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n" % target).encode())
        return
    if path.startswith("/redirect-chain/"):
        n = int(path.rsplit("/", 1)[1] or "0")
        send(("HTTP/1.1 302 Found\r\nLocation: /redirect-chain/%d\r\nContent-Length: 0\r\n\r\n" % (n + 1)).encode())
        return
    if path == "/gzip-bomb":
        send(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
             b"Content-Length: %d\r\n\r\n" % len(bomb) + bomb)
        return
    if path == "/escape":
        body = ("{\"Version\":\"v1.0.0%s]0;pwned\a%s[2J\"}" % (ESC, ESC)).encode()
        send(("HTTP/1.1 404 Not%s[2JFound\r\nX-Evil: red%s]52;c;cHduZWQ=\a\r\nContent-Length: %d\r\n\r\n"
              % (ESC, ESC, len(body))).encode() + body)
        return
    if path == "/not-http":
        send(b"SSH-2.0-OpenSSH_9.2\r\n" + os.urandom(256))
        return
    send(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")


def tls_peer(conn, kind):
    conn.recv(65536)
    if kind == "tls-garbage":
        conn.sendall(os.urandom(65536))
        return
    if kind == "tls-stall":
        while conn.recv(65536):
            pass
        return
    conn.sendall(b"\x16\x03\x03\x40\x00")
    while True:
        conn.sendall(os.urandom(65536))


def serve_tcp(listener, handler):
    while True:
        conn, _ = listener.accept()

        def run(conn=conn):
            try:
                handler(conn)
            except OSError:
                pass
            finally:
                conn.close()
        threading.Thread(target=run, daemon=True).start()


def dns_question(query):
    end = 12
    while end < len(query) and query[end] != 0:
        end += 1 + query[end]
    return query[12:end + 5], query[12:end + 1]


def dns_reply(query, answers, flags_extra=0):
    ident, flags = struct.unpack("!HH", query[:4])
    question, _ = dns_question(query)
    header = struct.pack("!HHHHHH", ident, 0x8000 | (flags & 0x0100) | 0x0080 | flags_extra, 1, len(answers), 0, 0)
    return header + question + b"".join(answers)


def flood_answers(count=4000):
    return [b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + bytes([10, (i >> 16) & 255, (i >> 8) & 255, i & 255])
            for i in range(count)]


def cname_loop_answers(qname):
    labels = []
    i = 0
    while qname[i] != 0:
        labels.append(qname[i + 1:i + 1 + qname[i]])
        i += 1 + qname[i]
    first = labels[0][:-2] if labels[0].endswith(b"-b") else labels[0]
    other = first + b"-b"

    def name(label):
        return bytes([len(label)]) + label + b"".join(bytes([len(l)]) + l for l in labels[1:]) + b"\0"
    a, b = name(first), name(other)
    record = lambda owner, target: owner + struct.pack("!HHIH", 5, 1, 60, len(target)) + target
    return [record(a, b), record(b, a)]


def serve_dns(kind, sock_udp, listener):
    def answer(query):
        _, qname = dns_question(query)
        if kind == "dns-flood":
            return dns_reply(query, flood_answers())
        return dns_reply(query, cname_loop_answers(qname))

    def tcp(conn):
        while True:
            head = conn.recv(2)
            if len(head) < 2:
                return
            query = conn.recv(struct.unpack("!H", head)[0])
            reply = answer(query)[:65535]
            conn.sendall(struct.pack("!H", len(reply)) + reply)
    threading.Thread(target=serve_tcp, args=(listener, tcp), daemon=True).start()
    while True:
        query, peer = sock_udp.recvfrom(4096)
        if len(query) < 12:
            continue
        if kind == "dns-flood":
            sock_udp.sendto(dns_reply(query, [], 0x0200), peer)  # TC=1: ask again over TCP
        else:
            sock_udp.sendto(answer(query), peer)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kind", required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(64)
    port = listener.getsockname()[1]
    if args.kind.startswith("dns"):
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind(("127.0.0.1", port))
        print("hostile %s ready on 127.0.0.1:%d" % (args.kind, port), flush=True)
        serve_dns(args.kind, udp, listener)
        return
    if args.kind == "http":
        bomb = gzip_bomb()
        handler = lambda conn: http_peer(conn, bomb)
    else:
        handler = lambda conn: tls_peer(conn, args.kind)
    print("hostile %s ready on 127.0.0.1:%d" % (args.kind, port), flush=True)
    serve_tcp(listener, handler)


if __name__ == "__main__":
    sys.exit(main())
