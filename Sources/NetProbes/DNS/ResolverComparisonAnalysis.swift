/// The pure part of a resolver comparison: from answers to flags.
public enum ResolverComparisonAnalysis {
    /// Flags per record type, in the order disagreement, private-answer, suspected-poisoning.
    /// Only resolvers that gave a definite answer (NOERROR or NXDOMAIN) are compared: a
    /// timeout, SERVFAIL or REFUSED is a broken resolver, reported by its own outcome.
    public static func flags(for answers: [ResolverAnswer], isPublicName: Bool) -> [ResolverFlag] {
        var flags: [ResolverFlag] = []
        var types: [String] = []
        for answer in answers where !types.contains(answer.type) { types.append(answer.type) }
        for type in types {
            let definite = answers.filter { $0.type == type && ($0.rcode == "NOERROR" || $0.rcode == "NXDOMAIN") }
            flags += disagreement(definite, type: type)
            if isPublicName { flags += privateAnswers(definite, type: type) }
            flags += poisoning(definite, type: type, isPublicName: isPublicName)
        }
        return flags
    }

    /// "10.0.0.1 10.0.0.2", "NXDOMAIN" or "NODATA".
    static func verdict(_ answer: ResolverAnswer) -> String {
        if answer.rcode == "NXDOMAIN" { return "NXDOMAIN" }
        return answer.addresses.isEmpty ? "NODATA" : answer.addresses.joined(separator: " ")
    }

    static func disagreement(_ answers: [ResolverAnswer], type: String) -> [ResolverFlag] {
        let verdicts = Set(answers.map(verdict))
        guard verdicts.count > 1 else { return [] }
        let detail = answers.map { "\($0.resolver): \(verdict($0))" }.joined(separator: "; ")
        return [ResolverFlag(code: "disagreement", type: type, resolvers: answers.map(\.resolver), detail: detail)]
    }

    static func privateAnswers(_ answers: [ResolverAnswer], type: String) -> [ResolverFlag] {
        answers.compactMap { answer in
            let reserved = answer.addresses.compactMap { address in
                ReservedAddressRanges.classify(address).map { "\(address) (\($0))" }
            }
            guard !reserved.isEmpty else { return nil }
            return ResolverFlag(code: "private-answer", type: type, resolvers: [answer.resolver],
                                detail: "\(answer.resolver): " + reserved.joined(separator: ", "))
        }
    }

    /// A resolver is suspect when its addresses share none with any other resolver while at
    /// least two others agree with each other (share an address, or all say NXDOMAIN); or,
    /// for a public name, when it alone answers inside a special-purpose range while another
    /// resolver gives global addresses.
    static func poisoning(_ answers: [ResolverAnswer], type: String, isPublicName: Bool) -> [ResolverFlag] {
        var flags: [ResolverFlag] = []
        for (index, suspect) in answers.enumerated() where !suspect.addresses.isEmpty {
            let others = answers.enumerated().filter { $0.offset != index }.map(\.element)
            let mine = Set(suspect.addresses)
            let disjoint = others.allSatisfy { mine.isDisjoint(with: $0.addresses) }
            let othersAgree = others.count >= 2 && Set(others.map(verdict)).count == 1
                || others.count >= 2 && pairwiseOverlap(others.map { Set($0.addresses) })
            let reservedOnly = isPublicName && suspect.addresses.allSatisfy { ReservedAddressRanges.classify($0) != nil }
            let othersGlobal = others.contains { other in
                !other.addresses.isEmpty && other.addresses.allSatisfy { ReservedAddressRanges.classify($0) == nil }
            }
            if disjoint && (othersAgree || (reservedOnly && othersGlobal)) {
                let rest = others.map { "\($0.resolver): \(verdict($0))" }.joined(separator: "; ")
                flags.append(ResolverFlag(code: "suspected-poisoning", type: type, resolvers: [suspect.resolver],
                                          detail: "\(suspect.resolver): \(verdict(suspect)) vs \(rest)"))
            }
        }
        return flags
    }

    static func pairwiseOverlap(_ sets: [Set<String>]) -> Bool {
        guard sets.allSatisfy({ !$0.isEmpty }) else { return false }
        for (index, set) in sets.enumerated() {
            for other in sets[(index + 1)...] where set.isDisjoint(with: other) { return false }
        }
        return true
    }
}
