#!/usr/bin/env python3
"""The lab GOPROXY: serves a directory in module-cache layout over HTTP or HTTPS.

    server.py --root DIR [--listen ADDR] --port N (0: any free port) [--cert PEM --key PEM] [--rules FILE]

A missing file answers 404 (the go command asks for path prefixes too and must get a
"not found", not a 500). The rules file (JSON, re-read on every request so a test can
change faults while the server runs) is a list of objects, the first match wins:
    {"prefix": "/example.com/m/@v/", "status": 410, "body": "gone"}
    {"prefix": "/old/", "status": 302, "location": "http://other/new/"}
    {"prefix": "/slow/", "delay_ms": 500}          # then served normally
    {"prefix": "/hang/", "hang": true}             # accept, read, never answer
    {"prefix": "/slowbody/", "trickle": true}      # 200 head, then one body byte a second, forever
    {"prefix": "/cut/", "cut_after": 5}            # 200 head, 5 body bytes, then close early
    {"prefix": "/big/", "flood": true}             # 200 head, then zero bytes as fast as possible, forever
"trickle" and "cut_after" take "framing": "close" (default: no Content-Length, the body ends
when the connection closes), "chunked" (Transfer-Encoding: chunked, never the last chunk) or
"length" (a Content-Length of "declare" bytes, default 1000000, never reached). A trickled or
flooded body never reaches its end;
a cut one stops short of it: a client must report either as a failure, never as a 200.
Prints "serving http|https on ADDR:PORT" on stdout once listening; logs each request on stderr.
"""
import argparse, json, os, socket, ssl, sys, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CONTENT_TYPES = {".info": "application/json", ".mod": "text/plain; charset=utf-8",
                 ".zip": "application/zip", "": "text/plain; charset=utf-8"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "lab-goproxy/1"

    def log_message(self, fmt, *args):
        sys.stderr.write("%s\n" % (fmt % args))
        sys.stderr.flush()

    def rule_for(self, path):
        if not self.server.rules_file:
            return None
        try:
            with open(self.server.rules_file) as f:
                rules = json.load(f)
        except (OSError, ValueError):
            return None
        return next((r for r in rules if path.startswith(r.get("prefix", ""))), None)

    def reply(self, status, body=b"", content_type="text/plain; charset=utf-8", location=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def partial_body(self, rule):
        """A 200 whose body never reaches its end: trickled a byte a second, or cut short."""
        framing = rule.get("framing", "close")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if framing == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
        elif framing == "length":
            self.send_header("Content-Length", str(rule.get("declare", 1000000)))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if self.command == "HEAD":
            return

        def send(data):
            if framing == "chunked":
                data = b"%x\r\n%s\r\n" % (len(data), data)
            self.wfile.write(data)
            self.wfile.flush()

        try:
            if "cut_after" in rule:
                if rule["cut_after"] > 0:
                    send(b"{" + b" " * (rule["cut_after"] - 1))
                return
            if rule.get("flood"):
                chunk = b"\0" * 65536
                while True:
                    send(chunk)
            send(b"{")
            while True:
                time.sleep(1)
                send(b" ")
        except OSError:
            pass

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        rule = self.rule_for(path)
        if rule is not None:
            if rule.get("hang"):
                while True:
                    time.sleep(3600)
            if rule.get("trickle") or rule.get("flood") or "cut_after" in rule:
                return self.partial_body(rule)
            if rule.get("delay_ms"):
                time.sleep(rule["delay_ms"] / 1000.0)
            if rule.get("status"):
                body = rule.get("body", "%d\n" % rule["status"]).encode()
                return self.reply(rule["status"], body, location=rule.get("location"))
        parts = [p for p in path.split("/") if p]
        if any(p in (".", "..") for p in parts):
            return self.reply(404, b"not found\n")
        file = os.path.join(self.server.root, *parts)
        if not os.path.isfile(file):
            return self.reply(404, b"not found: %s\n" % path.encode())
        with open(file, "rb") as f:
            body = f.read()
        ext = os.path.splitext(file)[1] if not file.endswith("/list") else ""
        self.reply(200, body, CONTENT_TYPES.get(ext, "application/octet-stream"))


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog is 5: a burst of a dozen connects (a check's endpoint probes
    # beside its fetches, or the go command's parallel downloads) overflowed the accept queue and
    # the kernel dropped SYNs, resent a second later. Real servers listen with hundreds (nginx
    # 511, Go's net/http somaxconn).
    request_queue_size = 511

    def __init__(self, listen, port, root, rules_file):
        self.address_family = socket.AF_INET6 if ":" in listen else socket.AF_INET
        self.root, self.rules_file = root, rules_file
        super().__init__((listen, port), Handler)

    def server_bind(self):
        if self.address_family == socket.AF_INET6:
            self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        super().server_bind()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--listen", default="::")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--rules")
    args = parser.parse_args()
    server = Server(args.listen, args.port, args.root, args.rules)
    scheme = "http"
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        # The handshake happens in each connection's own thread (at its first read), as in any
        # real server: done in accept(), one silent connection would stall every other client.
        server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
        scheme = "https"
    print("serving %s on %s:%d" % (scheme, args.listen, server.server_address[1]), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
