import Doctor
import Foundation
import Report
import Synchronization

/// Writes `check`'s live progress line to stderr, rewriting it in place, and erases it when
/// the run is done. Only made when stderr is a terminal (see `CheckCommand.showsProgress`).
final class CheckProgressWriter: Sendable {
    let line: CheckProgressLine
    private let wroteSomething = Mutex(false)

    init(catalog: MessageCatalog) {
        line = CheckProgressLine(catalog: catalog)
    }

    func report(_ progress: CheckProgress) {
        let text = line.rewrite(progress, width: Self.terminalWidth())
        wroteSomething.withLock { wrote in
            wrote = true
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Erases the line so the report starts on a clean terminal.
    func finish() {
        wroteSomething.withLock { wrote in
            if wrote { FileHandle.standardError.write(Data(CheckProgressLine.clear.utf8)) }
            wrote = false
        }
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
