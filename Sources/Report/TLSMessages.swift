/// Labels of `gomod-doctor tls` and the names of TLS failure codes.
enum TLSMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "ui.tls.title": ("TLS", "TLS"),
        "ui.tls.sni": ("server name", "服务器名称"),
        "ui.tls.connect": ("connect", "连接"),
        "ui.tls.handshake": ("handshake", "握手"),
        "ui.tls.chain": ("certificate chain", "证书链"),
        "ui.tls.valid": ("valid", "有效期"),
        "ui.tls.names": ("names", "名称"),
        "ui.tls.roots": ("trust roots", "信任根"),
        "ui.tls.roots-count": ("{count} certificates", "{count} 个证书"),
        "ui.tls.local-time": ("local time", "本机时间"),
        "ui.tls.trusted": ("certificate trusted for {name}", "证书对 {name} 可信"),
        "ui.tls.go-says": ("the go command says", "go 命令会报"),
        "ui.tls.failure.expired": ("certificate expired", "证书已过期"),
        "ui.tls.failure.not-yet-valid": ("certificate not yet valid (clock skew?)", "证书尚未生效（时钟偏差？）"),
        "ui.tls.failure.hostname-mismatch": ("certificate is for another name", "证书不是为此名称签发的"),
        "ui.tls.failure.self-signed": ("self-signed certificate", "自签名证书"),
        "ui.tls.failure.unknown-authority": ("certificate signed by an unknown authority", "证书由未知机构签发"),
        "ui.tls.failure.not-tls": ("not TLS: plain HTTP on a TLS port?", "不是 TLS：TLS 端口上是明文 HTTP？"),
        "ui.tls.failure.handshake-timeout": ("TLS handshake timed out", "TLS 握手超时"),
        "ui.tls.failure.reset": ("connection reset during the TLS handshake", "TLS 握手期间连接被重置"),
        "ui.tls.failure.tls-alert": ("the server refused the handshake", "服务器拒绝了握手"),
    ]
}
