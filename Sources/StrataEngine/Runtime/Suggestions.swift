/// "Did you mean …?" for unknown names: the closest candidate by edit distance, when close enough
/// to be a plausible typo.
public enum Suggestions {
    /// The best match for `name` among `candidates`, or nil if none is near.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        let allowed = max(1, min(3, target.count / 3 + 1))
        var best: (String, Int)?
        for c in candidates {
            let lc = Array(c.lowercased())
            let d: Int
            if lc == target {
                d = 0
            } else if lc.starts(with: target) && target.count >= 3 {
                d = 1
            } else if let within = distance(target, lc, atMost: allowed) {
                d = within
            } else {
                continue
            }
            if d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
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

    /// `distance(a, b)` when it is at most `limit`, else nil. Only cells within `limit` of the
    /// diagonal can lie on such an alignment, so this costs O(length × limit) where the full table
    /// costs O(length²): names typed or generated at 100,000 characters must not stall the error.
    public static func distance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int? {
        guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let far = limit + 1  // stands for every distance above the limit
        let m = b.count
        var prev2 = [Int](repeating: far, count: m + 2)
        var prev = (0...m + 1).map { min($0, far) }
        var cur = [Int](repeating: far, count: m + 2)
        for i in 1...a.count {
            let lo = max(1, i - limit), hi = min(m, i + limit)
            // The cells beside the band are read by this row and the next; everything further out never is.
            cur[lo - 1] = lo == 1 ? min(i, far) : far
            cur[hi + 1] = far
            var rowBest = cur[lo - 1]
            for j in lo...hi {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    v = min(v, prev2[j - 2] + 1)
                }
                cur[j] = min(v, far)
                rowBest = min(rowBest, cur[j])
            }
            if rowBest > limit { return nil }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[m] <= limit ? prev[m] : nil
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
