import NIOHTTP2
import Testing
@testable import NetProbes

/// The go command's words for HTTP/2 failures, by release (docs/go-versions.md).
struct HTTP2FailureWordingTests {
    @Test func firstStreamGoAwayFollowsTheRelease() {
        let goAway = HTTP2Failure.goAway(lastStreamID: 0, code: .protocolError, debug: "")
        #expect(goAway.failure.detail == "http2: server sent GOAWAY and closed the connection; LastStreamID=0, ErrCode=PROTOCOL_ERROR, debug=\"\"")
        #expect(goAway.failure(goAwayAbortsFirstStream: true)
            == FailureClass("h2-goaway", "http2: Transport received GOAWAY from server ErrCode:PROTOCOL_ERROR"))
        // NO_ERROR is a graceful GOAWAY: Go 1.24+ retries it too, and ends with GoAwayError's words.
        let graceful = HTTP2Failure.goAway(lastStreamID: 0, code: .noError, debug: "bye")
        #expect(graceful.failure(goAwayAbortsFirstStream: true).detail
            == "http2: server sent GOAWAY and closed the connection; LastStreamID=0, ErrCode=NO_ERROR, debug=\"bye\"")
        let reset = HTTP2Failure.streamReset(streamID: 1, code: .internalError)
        #expect(reset.failure(goAwayAbortsFirstStream: true) == reset.failure)
    }
}
