import Doctor
import Foundation
import GoModConfig
import Report

/// Collects the "Environment" section of `check --markdown`: `go version` (the go binary of
/// the installation, run with a short timeout, never allowed to switch toolchains), the OS
/// and kernel, this tool's version and the module-related go env values. Values are redacted
/// by the renderer.
enum CheckEnvironmentFacts {
    static let goVersionTimeoutSeconds = 3.0

    static func collect(config: ConfigDiagnosis, installation: GoInstallation?, environment: [String: String]) -> CheckMarkdownRenderer.Environment {
        var entries = CheckMarkdownRenderer.goEnvNames.map { CheckMarkdownRenderer.GoEnvEntry(name: $0, value: config.env[$0]) }
        for name in CheckMarkdownRenderer.proxyVariableNames {
            if let value = environment[name] { entries.append(CheckMarkdownRenderer.GoEnvEntry(name: name, value: value)) }
        }
        return CheckMarkdownRenderer.Environment(goVersion: goVersion(installation?.executable, environment: environment),
                                                 operatingSystem: operatingSystem(), kernel: kernel(),
                                                 doctorVersion: DoctorVersion.string, goEnv: entries)
    }

    /// `go version`'s first line; nil when there is no binary, it fails, or it takes too long.
    /// GOTOOLCHAIN=local and "/" as directory: asking for the version must not download anything.
    static func goVersion(_ executable: String?, environment: [String: String]) -> String? {
        guard let executable, FileManager.default.isExecutableFile(atPath: executable) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["version"]
        var childEnvironment = environment
        childEnvironment["GOTOOLCHAIN"] = "local"
        process.environment = childEnvironment
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        // A go binary that is there but does not answer is said as such, not as "no go binary found".
        do {
            try process.run()
        } catch {
            return "\(executable) version: could not run (\(error.localizedDescription))"
        }
        if finished.wait(timeout: .now() + goVersionTimeoutSeconds) == .timedOut {
            process.terminate()
            return "\(executable) version: no answer within \(Int(goVersionTimeoutSeconds)) s"
        }
        guard process.terminationStatus == 0 else { return "\(executable) version: exit status \(process.terminationStatus)" }
        let data = output.fileHandleForReading.readDataToEndOfFile().prefix(4096)
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
        return line?.isEmpty == false ? line : nil
    }

    /// PRETTY_NAME of /etc/os-release, else the kernel's name.
    static func operatingSystem() -> String {
        if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
                return String(line.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return ProcessInfo.processInfo.operatingSystemVersionString
    }

    /// `uname -srm`.
    static func kernel() -> String {
        var names = utsname()
        guard uname(&names) == 0 else { return "unknown" }
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return [field(names.sysname), field(names.release), field(names.machine)].joined(separator: " ")
    }
}
