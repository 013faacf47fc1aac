/// Why a transport could not be opened (the socket call's errno, e.g. EPERM for a raw socket).
struct TraceTransportError: Error {
    var message: String
    var isPermission: Bool
}
