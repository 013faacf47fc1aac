import Foundation

/// Asks the installed go command for its own view (`go env -json`), so our resolution can be
/// checked against it on the user's machine: a disagreement means a rule we do not model
/// (a patched distribution, a newer Go), and is reported rather than hidden.
public enum GoCommandEnvReader {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Runs `<go> env -json` with exactly `environment`, bounded by `timeout` seconds.
    public static func read(executable: String, environment: [String: String],
                            workingDirectory: String? = nil, timeout: Double = 10) -> Result<[String: String], Failure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["env", "-json"]
        process.environment = environment
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(Failure(description: "cannot run \(executable): \(error.localizedDescription)"))
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        // `go env -json` prints a few kilobytes; read both pipes fully before waiting.
        let errorData = SharedData()
        let errorsRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData.value = errors.fileHandleForReading.readDataToEndOfFile()
            errorsRead.signal()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        errorsRead.wait()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData.value, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(Failure(description: "go env -json exited \(process.terminationStatus): \(message)"))
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return .failure(Failure(description: "go env -json printed something that is not a JSON object"))
        }
        return .success(object.compactMapValues { $0 as? String })
    }
}

/// Bytes handed from the stderr reader to the caller (guarded by a lock).
private final class SharedData: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    var value: Data {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A variable on which our resolution and the go command's disagree.
public struct GoEnvDisagreement: Sendable, Equatable, Codable {
    public var name: String
    public var ours: String
    public var goCommand: String

    enum CodingKeys: String, CodingKey { case name, ours, goCommand }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(SecretRedactor.redactValue(ours, of: name), forKey: .ours)
        try container.encode(SecretRedactor.redactValue(goCommand, of: name), forKey: .goCommand)
    }
}

extension ResolvedGoEnv {
    /// Variables the go command reports (a key present in `goEnvJSON`) whose value differs from ours.
    public func disagreements(with goEnvJSON: [String: String]) -> [GoEnvDisagreement] {
        variables.compactMap { variable in
            guard variable.supported, let theirs = goEnvJSON[variable.name], theirs != variable.value else { return nil }
            return GoEnvDisagreement(name: variable.name, ours: variable.value, goCommand: theirs)
        }
    }
}
