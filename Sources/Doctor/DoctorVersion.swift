public enum DoctorVersion { public static let string = "0.1.0" }
