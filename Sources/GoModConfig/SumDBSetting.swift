/// What GOSUMDB asks the go command to do.
public enum SumDBSetting: Sendable, Equatable, Codable {
    case off
    /// - name: database name (host[/path]).
    /// - verifierKey: the full key text (a known name already replaced by its key).
    /// - url: the explicit URL when given; `nil` means `https://<name>` reached through the
    ///   GOPROXY walk (`<proxy>/sumdb/<name>/supported`).
    case database(name: String, verifierKey: String, url: String?)
}
