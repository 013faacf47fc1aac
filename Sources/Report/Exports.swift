@_exported import Doctor
