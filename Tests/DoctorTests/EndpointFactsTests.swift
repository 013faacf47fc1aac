import Foundation
import NetProbes
import Testing
@testable import Doctor

/// The facts the rules read, distilled from real evidence: `probe --json`'s evidence of the
/// lab's DROP-before-routing scenario (trimmed: DNS queries, extra echo replies and socket
/// samples left out), decoded as the probes' own `ProbeResult`s.
struct EndpointFactsTests {
    @Test func factsAndVerdictFromDroppedEvidence() throws {
        let evidence = try JSONDecoder().decode(EndpointEvidence.self, from: Data(Self.droppedAtR3.utf8))
        let facts = EndpointFacts(evidence)
        #expect(facts.dns?.addresses == [ResolvedAddress(ip: "10.77.4.2", family: .ipv4)])
        #expect(facts.icmp == EndpointFacts.ICMP(outcome: .ok, address: "10.77.4.2", sent: 3, received: 3))
        #expect(facts.tcp?.attempts.map(\.result) == [.timeout])
        #expect(facts.tcp?.dualStack == .allFailed)
        #expect(facts.synSentStuck == ["10.77.4.2:443"])
        #expect(facts.trace?.silentAfterHop == 2)
        #expect(facts.trace?.lastHopAddress == "10.77.2.2")
        #expect(facts.tls == nil && facts.http == nil)

        let verdict = EndpointVerdict.judge(evidence)
        #expect(verdict.rootLayer == .tcp)
        #expect(verdict.findings.map(\.id) == ["endpoint.tcp.dropped-after-hop"])
        #expect(verdict.findings.first?.arguments["hop"] == "2")
        #expect(verdict.findings.first?.arguments["address"] == "10.77.2.2")
        #expect(verdict.layers.map(\.status) == [.ok, .ok, .failed, .failed, .skipped, .skipped])
    }

    /// Without a socket table (macOS) the stuck list is unknown, not empty.
    @Test func unavailableSocketTableIsNoEvidence() throws {
        var evidence = try JSONDecoder().decode(EndpointEvidence.self, from: Data(Self.droppedAtR3.utf8))
        evidence.synSent?.available = false
        #expect(EndpointFacts(evidence).synSentStuck == nil)
        let finding = EndpointVerdict.judge(evidence).findings.first
        #expect(finding?.id == "endpoint.tcp.dropped-after-hop")
        #expect(finding?.evidence.contains { $0.contains("SYN_SENT") } == false)
    }

    @Test func targetDefaultsAndURL() {
        #expect(EndpointTarget(host: "proxy.golang.org").url == "https://proxy.golang.org:443/")
        #expect(EndpointTarget(host: "fd77::2", scheme: .http, path: "x/@v/list").url == "http://[fd77::2]:80/x/@v/list")
    }

    static let droppedAtR3 = #"""
{
 "dns": {
  "durationSeconds": 0.001850322,
  "evidence": {
   "candidates": [
    "proxy.lab.test."
   ],
   "path": "/etc/resolv.conf",
   "platform": {
    "addresses": [
     {
      "family": "ipv4",
      "ip": "10.77.4.2"
     }
    ],
    "durationSeconds": 0.00086658,
    "host": "proxy.lab.test"
   },
   "queries": []
  },
  "outcome": {
   "status": "ok"
  },
  "target": "proxy.lab.test"
 },
 "durationSeconds": 3.667304635,
 "icmp": {
  "durationSeconds": 0.404709401,
  "evidence": {
   "address": {
    "family": "ipv4",
    "ip": "10.77.4.2"
   },
   "duplicates": 0,
   "endedEarly": false,
   "errors": 0,
   "host": "10.77.4.2",
   "lossPercent": 0,
   "options": {
    "count": 3,
    "intervalSeconds": 0.2,
    "payloadSize": 56,
    "socket": "automatic",
    "timeoutSeconds": 1
   },
   "received": 3,
   "replies": [
    {
     "bytes": 64,
     "duplicates": 0,
     "from": "10.77.4.2",
     "rttMilliseconds": 0.138117,
     "sequence": 1,
     "status": "reply",
     "ttl": 61
    }
   ],
   "resolvedAddresses": [
    {
     "family": "ipv4",
     "ip": "10.77.4.2"
    }
   ],
   "rtt": {
    "avgMilliseconds": 0.11529633333333332,
    "maxMilliseconds": 0.138117,
    "mdevMilliseconds": 0.018506005085437153,
    "minMilliseconds": 0.09279
   },
   "socketErrors": [
    {
     "errno": 13,
     "kind": "datagram"
    }
   ],
   "socketKind": "raw",
   "transmitted": 3
  },
  "outcome": {
   "status": "ok"
  },
  "target": "10.77.4.2"
 },
 "synSent": {
  "available": true,
  "endpoints": [
   {
    "ip": "10.77.4.2",
    "port": 443
   }
  ],
  "minimumSeconds": 1,
  "observed": [],
  "samples": 23,
  "stuck": [
   {
    "firstSeenSeconds": 0.111101747,
    "inode": 1583176,
    "lastSeenSeconds": 2.344791972,
    "local": "10.77.1.1:48880",
    "observations": 22,
    "remote": {
     "ip": "10.77.4.2",
     "port": 443
    },
    "retransmits": 2,
    "uid": 0
   }
  ]
 },
 "target": {
  "host": "proxy.lab.test",
  "path": "/",
  "port": 443,
  "scheme": "https"
 },
 "tcp": {
  "durationSeconds": 2.409163153,
  "evidence": {
   "attempts": [
    {
     "address": {
      "family": "ipv4",
      "ip": "10.77.4.2"
     },
     "connectMilliseconds": 2399.555444,
     "detail": "dial tcp 10.77.4.2:443: i/o timeout",
     "order": 0,
     "port": 443,
     "result": "timeout"
    }
   ],
   "families": {
    "ipv4": {
     "connected": 0,
     "tried": 1
    },
    "ipv6": {
     "connected": 0,
     "tried": 0
    }
   },
   "happyEyeballsOrder": [
    "10.77.4.2:443"
   ],
   "host": "proxy.lab.test",
   "port": 443,
   "resolution": {
    "addresses": [
     {
      "family": "ipv4",
      "ip": "10.77.4.2"
     }
    ],
    "durationSeconds": 0.002950839,
    "host": "proxy.lab.test"
   },
   "verdict": "all-failed"
  },
  "outcome": {
   "code": "timeout",
   "detail": "dial tcp 10.77.4.2:443: i/o timeout",
   "status": "failed"
  },
  "target": "proxy.lab.test:443"
 },
 "trace": {
  "durationSeconds": 1.255306523,
  "evidence": {
   "address": "10.77.4.2",
   "configuration": {
    "advanceWhenAnswered": true,
    "cycles": 2,
    "firstTTL": 1,
    "intervalSeconds": 0.25,
    "maxTTL": 16,
    "method": "tcp",
    "port": 443,
    "probeTimeoutSeconds": 1,
    "resolveNames": false
   },
   "errors": [],
   "family": "ipv4",
   "hops": [
    {
     "annotations": [],
     "answerKinds": [
      "time-exceeded"
     ],
     "responders": [
      {
       "answers": 2,
       "ip": "10.77.1.2"
      }
     ],
     "statistics": {
      "avgMs": 0.53,
      "bestMs": 0.5,
      "lastMs": 0.5,
      "lossPercent": 0,
      "received": 2,
      "sent": 2,
      "stdevMs": 0.03,
      "worstMs": 0.55
     },
     "ttl": 1
    },
    {
     "annotations": [],
     "answerKinds": [
      "time-exceeded"
     ],
     "responders": [
      {
       "answers": 2,
       "ip": "10.77.2.2"
      }
     ],
     "statistics": {
      "avgMs": 0.42,
      "bestMs": 0.4,
      "lastMs": 0.4,
      "lossPercent": 0,
      "received": 2,
      "sent": 2,
      "stdevMs": 0.03,
      "worstMs": 0.44
     },
     "ttl": 2
    }
   ],
   "host": "10.77.4.2",
   "lastAnswer": {
    "from": "10.77.2.2",
    "icmpCode": 0,
    "icmpType": 11,
    "kind": "time-exceeded"
   },
   "mechanism": "ip-recverr",
   "reachedDestination": false,
   "silentAfterHop": 2
  },
  "outcome": {
   "code": "path-silent",
   "detail": "no answer after hop 2 (10.77.2.2) on the way to 10.77.4.2 up to TTL 16",
   "status": "failed"
  },
  "target": "10.77.4.2"
 }
}
"""#
}
