#!/usr/bin/env python3
"""A GOPROXY that only records which credentials each request carried, then answers 404.

    auth_recorder.py --port N (0: any) --cert PEM --key PEM --log FILE

Each request appends one line to FILE: the path, a tab, and the Authorization header (or "-").
The GOAUTH tests compare what gomod-doctor sent with what the real go command sent.
Prints "serving https on 127.0.0.1:PORT" once listening.
"""
import argparse, ssl, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def do_GET(self):
        with open(self.server.log_path, "a") as log:
            log.write("%s\t%s\n" % (self.path, self.headers.get("Authorization", "-")))
        body = b"not found\n"
        self.send_response(404)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.log_path = args.log
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    print("serving https on 127.0.0.1:%d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
