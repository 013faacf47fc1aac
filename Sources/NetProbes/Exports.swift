/// Redaction is shared by configuration evidence and network evidence alike.
@_exported import Redaction
