/// Labels of `gomod-doctor http` and the names of HTTP failure codes.
enum HTTPMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "ui.http.title": ("HTTP", "HTTP"),
        "ui.http.via-proxy": ("via proxy", "经代理"),
        "ui.http.phases": ("dns {dns}  connect {connect}  tls {tls}  ttfb {ttfb}  transfer {transfer}  total {total}",
                           "解析 {dns}  连接 {connect}  TLS {tls}  首字节 {ttfb}  传输 {transfer}  总计 {total}"),
        "ui.http.chain": ("redirect chain", "重定向链"),
        "ui.http.ok": ("{status} from {url}", "{url} 返回 {status}"),
        "ui.http.server-response": ("server response", "服务器响应"),
        "ui.http.go-says": ("the go command says", "go 命令会报"),
        "ui.http.failure.proxy-connect": ("the proxy failed", "代理失败"),
        "ui.http.failure.insecure-redirect": ("redirect from https to http refused", "拒绝从 https 重定向到 http"),
        "ui.http.failure.redirect-loop": ("redirect loop", "重定向循环"),
        "ui.http.failure.too-many-redirects": ("too many redirects", "重定向次数过多"),
        "ui.http.failure.http-status": ("the server answered with an error status", "服务器返回错误状态"),
        "ui.http.failure.timeout": ("no complete answer before the deadline", "截止时间前没有完整的响应"),
        "ui.http.failure.too-large": ("response too large", "响应过大"),
        "ui.http.failure.other": ("request failed", "请求失败"),
        "ui.http.failure.refused": ("connection refused", "连接被拒绝"),
        "ui.http.failure.unreachable": ("network unreachable", "网络不可达"),
        "ui.http.failure.nxdomain": ("no such host", "域名不存在"),
        "ui.http.failure.dns": ("name resolution failed", "域名解析失败"),
        "ui.http.failure.reset": ("connection reset", "连接被重置"),
        "ui.http.failure.eof": ("the server closed the connection", "服务器关闭了连接"),
        "ui.http.failure.bad-redirect": ("bad redirect location", "重定向地址无效"),
        "ui.http.failure.proxy-config": ("invalid proxy setting", "代理设置无效"),
    ]
}
