import Doctor
import Foundation
import Report

/// Writes `check`'s live progress line to stderr, rewriting it in place, and erases it when
/// the run is done. Only made when stderr is a terminal (see `CheckCommand.showsProgress`).
/// The one raw write of this program: the line's text is escaped where it is made
/// (`CheckProgressLine.text`), and the carriage return and erase-line around it are ours.
/// An NSLock, not Synchronization's Mutex: that needs macOS 15 and the package supports 13.
final class CheckProgressWriter: @unchecked Sendable {
    let line: CheckProgressLine
    private let lock = NSLock()
    private var wrote = false

    init(catalog: MessageCatalog) {
        line = CheckProgressLine(catalog: catalog)
    }

    func report(_ progress: CheckProgress) {
        let text = line.rewrite(progress, width: Self.terminalWidth())
        lock.withLock {
            wrote = true
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Erases the line so the report starts on a clean terminal.
    func finish() {
        lock.withLock {
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
