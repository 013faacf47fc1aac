#!/usr/bin/env python3
"""A deliberately broken DNS server for the lab.

    responder.py --mode servfail|drop|truncate|truncate-stall [--listen ADDR] --port N

servfail:       answers every UDP query with RCODE 2 (SERVFAIL), echoing id and question.
drop:           reads every query and never answers (the client times out).
truncate:       answers every UDP query NOERROR with TC=1 and no records, and listens on no
                TCP port: the client's TCP retry is refused.
truncate-stall: the same, plus a TCP listener on the same port that accepts the retry's
                connection and never answers it.
Port 0 picks a free port (the TCP listener of truncate-stall takes the same number).
Prints "responder MODE ready on ADDR:PORT" on stdout once bound.
"""
import argparse, socket, struct


def truncated(query):
    """NOERROR, TC=1, the question echoed, no records: 'ask me again over TCP'."""
    reply = servfail(query)
    if reply is None:
        return None
    flags = struct.unpack("!H", reply[2:4])[0] & ~0x000F | 0x0200
    return reply[:2] + struct.pack("!H", flags) + reply[4:]


def servfail(query):
    if len(query) < 12:
        return None
    ident, flags, qdcount = struct.unpack("!HHH", query[:6])
    opcode_rd = flags & 0x7900  # opcode and RD bit from the query
    header = struct.pack("!HHHHHH", ident, 0x8000 | opcode_rd | 0x0080 | 2, qdcount, 0, 0, 0)
    end = 12
    while end < len(query) and query[end] != 0:  # walk the QNAME labels of the first question
        end += 1 + query[end]
    question = query[12:end + 5] if qdcount else b""  # QNAME, its zero byte, QTYPE, QCLASS
    header = header[:4] + struct.pack("!H", 1 if qdcount else 0) + header[6:]
    return header + question


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["servfail", "drop", "truncate", "truncate-stall"], required=True)
    parser.add_argument("--listen", default="::")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    family = socket.AF_INET6 if ":" in args.listen else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_DGRAM)
    if family == socket.AF_INET6:
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    sock.bind((args.listen, args.port))
    port = sock.getsockname()[1]
    if args.mode == "truncate-stall":
        stall = socket.socket(family, socket.SOCK_STREAM)
        if family == socket.AF_INET6:
            stall.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        stall.bind((args.listen, port))
        stall.listen(16)  # the kernel completes the handshakes; nothing ever reads or answers
    print("responder %s ready on %s:%d" % (args.mode, args.listen, port), flush=True)
    while True:
        query, peer = sock.recvfrom(4096)
        answer = servfail(query) if args.mode == "servfail" else truncated(query) if args.mode.startswith("truncate") else None
        if answer:
            sock.sendto(answer, peer)


if __name__ == "__main__":
    main()
