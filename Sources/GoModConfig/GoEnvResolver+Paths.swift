extension GoEnvResolver {
    /// GOPATH, GOMODCACHE, GOROOT, GOENV and NETRC (cfg.go gopath/gopathDir, go/build defaultGOPATH,
    /// cmd/go/internal/auth netrc.go).
    func pathVariables(userFile: GoEnvFile?, rootFile: GoEnvFile?, goroot: String, envFile: GoEnvFileStatus) -> [ResolvedVariable] {
        var result: [ResolvedVariable] = []
        let homeKey = hostOS == .windows ? "USERPROFILE" : "HOME"
        let home = environment[homeKey] ?? ""

        var gopath = lookup("GOPATH", userFile: userFile, rootFile: rootFile)
        if gopath.value.isEmpty {
            var def = home.isEmpty ? "" : (hostOS == .windows ? hostOS.join(home, "go") : GoPathClean.join(home, "go"))
            if !def.isEmpty, !goroot.isEmpty, GoPathClean.clean(def) == GoPathClean.clean(goroot) { def = "" }
            gopath.value = def
            gopath.source = def.isEmpty ? .unset : .defaultValue
            gopath.origin = def.isEmpty ? nil : "$\(homeKey)/go"
        }
        result.append(gopath)

        var modcache = lookup("GOMODCACHE", userFile: userFile, rootFile: rootFile)
        if modcache.value.isEmpty {
            let first = gopath.value.split(separator: hostOS.listSeparator, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            modcache.value = first.isEmpty ? "" : (hostOS == .windows ? hostOS.join(first, "pkg", "mod") : GoPathClean.join(first, "pkg/mod"))
            modcache.source = modcache.value.isEmpty ? .unset : .derived
            modcache.origin = modcache.value.isEmpty ? nil : "GOPATH"
        }
        result.append(modcache)

        var rootVariable = lookup("GOROOT", userFile: userFile, rootFile: nil)
        if rootVariable.value.isEmpty {
            rootVariable.value = goroot
            rootVariable.source = goroot.isEmpty ? .unset : .derived
            rootVariable.origin = installation?.executable.map { "location of \($0)" }
        } else {
            rootVariable.value = GoPathClean.clean(rootVariable.value)
        }
        result.append(rootVariable)

        // With GOENV=off the go command reports GOENV as empty (cfg.EnvFile returns an error).
        let goenvValue = envFile.path ?? ""
        let explicitGOENV = environment["GOENV"] ?? ""
        result.append(ResolvedVariable(
            name: "GOENV", value: goenvValue,
            source: explicitGOENV.isEmpty ? (goenvValue.isEmpty ? .unset : .defaultValue) : .environment,
            origin: envFile.disabled ? "GOENV=off: no GOENV file is read" : (explicitGOENV.isEmpty ? envFile.problem : "GOENV")))

        if let netrc = environment["NETRC"], !netrc.isEmpty {
            result.append(ResolvedVariable(name: "NETRC", value: netrc, source: .environment, origin: "NETRC"))
        } else {
            let file = hostOS == .windows ? "_netrc" : ".netrc"
            let path = home.isEmpty ? "" : hostOS.join(home, file)
            result.append(ResolvedVariable(name: "NETRC", value: path, source: path.isEmpty ? .unset : .defaultValue,
                                           origin: path.isEmpty ? nil : "$\(homeKey)/\(file)"))
        }
        return result
    }

    /// HTTPS_PROXY, HTTP_PROXY, NO_PROXY as net/http reads them (golang.org/x/net/http/httpproxy
    /// FromEnvironment): upper case first, then lower case; process environment only — the go
    /// command does not read these from the GOENV file. REQUEST_METHOD (CGI) disables HTTP_PROXY.
    func networkVariables() -> [ResolvedVariable] {
        var result: [ResolvedVariable] = []
        for name in ["HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY"] {
            let lower = name.lowercased()
            let upperValue = environment[name] ?? ""
            let lowerValue = environment[lower] ?? ""
            var variable: ResolvedVariable
            if !upperValue.isEmpty {
                variable = ResolvedVariable(name: name, value: upperValue, source: .environment, origin: name)
                if !lowerValue.isEmpty && lowerValue != upperValue {
                    variable.shadowed.append(ShadowedValue(source: .environment, value: lowerValue, origin: lower))
                }
            } else if !lowerValue.isEmpty {
                variable = ResolvedVariable(name: name, value: lowerValue, source: .environment, origin: lower)
            } else {
                variable = ResolvedVariable(name: name, value: "", source: .unset)
            }
            if name == "HTTP_PROXY", !variable.value.isEmpty, !(environment["REQUEST_METHOD"] ?? "").isEmpty {
                variable.shadowed.insert(ShadowedValue(source: .environment, value: variable.value, origin: variable.origin), at: 0)
                variable.value = ""
                variable.source = .unset
                variable.origin = "ignored because REQUEST_METHOD is set (CGI)"
            }
            result.append(variable)
        }
        return result
    }
}
