// One libFuzzer binary for every parser of external data; FUZZ_TARGET picks the parser
// (`fuzz/build.sh` builds it, `fuzz/run-all.sh` and `fuzz/run-million.sh` run it). Each
// target is a function of the input bytes that traps (reported by libFuzzer as a crash)
// when one of its properties does not hold.
import Foundation

/// The targets by name. Each name is also the folder of its seed corpus: fuzz/<name>/corpus.
let fuzzTargets: [String: @Sendable ([UInt8]) -> Void] = [
    "gomod": fuzzGoMod,
    "gosum": fuzzGoSum,
    "goenv": fuzzGoEnv,
    "goproxy": fuzzGoProxy,
    "gosumdb": fuzzGoSumDB,
    "patterns": fuzzPatterns,
    "proxyenv": fuzzProxyEnvironment,
    "goflags": fuzzGoFlags,
    "note": fuzzSignedNote,
    "tile": fuzzTile,
    "record": fuzzRecord,
    "goimport": fuzzGoImport,
    "zip": fuzzZip,
    "ziprules": fuzzZipRules,
    "proctcp": fuzzProcNetTCP,
    "httphead": fuzzHTTPHead,
    "connect": fuzzProxyConnect,
    "dns-decoder": fuzzDNS,
]

/// The target chosen by FUZZ_TARGET, looked up once; an unknown name ends the process with
/// the list of names rather than fuzzing nothing.
let selectedTarget: @Sendable ([UInt8]) -> Void = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let target = fuzzTargets[name] else {
        let names = fuzzTargets.keys.sorted().joined(separator: " ")
        FileHandle.standardError.write(Data("FUZZ_TARGET must be one of: \(names) (got \"\(name)\")\n".utf8))
        exit(2)
    }
    return target
}()

/// The per-input callback (main.swift hands it to libFuzzer's driver; the runtime also
/// refers to it by this name).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget(bytes)
    return 0
}
