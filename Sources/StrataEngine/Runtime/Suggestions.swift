/// "Did you mean …?" for unknown names: the closest candidate by edit distance, when close enough
/// to be a plausible typo.
public enum Suggestions {
    /// The best match for `name` among `candidates`, or nil if none is near.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        for c in candidates {
            let lc = Array(c.lowercased())
            let d: Int
            if lc == target {
                d = 0
            } else if lc.starts(with: target) && target.count >= 3 {
                d = 1
            } else {
                d = distance(target, lc)
            }
            if d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        guard let (match, d) = best else { return nil }
        let allowed = max(1, min(3, target.count / 3 + 1))
        return d <= allowed ? match : nil
    }

    /// "did you mean 'x'?" or nil.
    public static func didYouMean(_ name: String, among candidates: [String]) -> String? {
        closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// "did you mean 'x'?", or a short list of the columns there are when nothing is close.
    public static func columnHint(for name: String, among columns: [String]) -> String? {
        if let hint = didYouMean(name, among: columns) { return hint }
        guard !columns.isEmpty else { return nil }
        let shown = columns.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        return columns.count > 8 ? "columns are \(shown), …" : "columns are \(shown)"
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    v = min(v, prev2[j - 2] + 1)
                }
                cur[j] = v
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
