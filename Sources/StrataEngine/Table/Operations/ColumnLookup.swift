extension Table {
    /// The column called `name`, or an error that names it and suggests the closest existing column.
    public func requireColumn(_ name: String) throws -> Column {
        if let c = column(name) { return c }
        throw EngineError("no column '\(name)'", suggestion: ClosestName.suggestion(for: name, among: columnNames))
    }
}

/// Finds the candidate a user most likely meant, so an unknown name can be answered with "did you mean …".
public enum ClosestName {
    /// The candidate with the smallest edit distance, if it is close enough to be a plausible typo.
    /// Case-only differences count as the closest possible match. Ties go to the earlier candidate.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if best.map({ d < $0.distance }) ?? true { best = (candidate, d) }
        }
        guard let best else { return nil }
        // Allow roughly one typo per three characters; beyond that the "suggestion" is noise.
        let allowed = max(2, target.count / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// "did you mean 'x'?", or a short list of what exists when nothing is close.
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        if let c = closest(to: name, among: candidates) { return "did you mean '\(c)'?" }
        guard !candidates.isEmpty else { return nil }
        let shown = candidates.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        return candidates.count > 8 ? "columns are \(shown), …" : "columns are \(shown)"
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
