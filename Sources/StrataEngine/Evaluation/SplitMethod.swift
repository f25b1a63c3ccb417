/// How rows are divided into training and test data. Rows of one (user, item) pair always go to the
/// same side, except for the global time cut, which divides rows by their own time.
public enum SplitMethod: Sendable, Equatable {
    /// A random `testFraction` of all (user, item) pairs.
    case interaction(testFraction: Double)
    /// Within each user, the floor(f·n_u + 0.5) pairs with the smallest random keys (bench_recsys's rule).
    case perUser(testFraction: Double)
    /// Each user's `count` latest pairs; users with `count` or fewer pairs stay wholly in training.
    case lastN(count: Int)
    /// Rows at or after `cutoff` (seconds since 1970) are test.
    case temporal(cutoff: Int64)
    /// Users are shuffled into `folds` groups; fold `fold` (1-based) holds out `testFraction` of each of its
    /// users' pairs (per-user rule); every other user is wholly in training.
    case userFold(folds: Int, fold: Int, testFraction: Double)

    public var needsTime: Bool {
        switch self {
        case .lastN, .temporal: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .interaction(let f): return "random \(percent(f)) of (user, item) pairs"
        case .perUser(let f): return "per user, floor(\(shortNumber(f))·n + 0.5) random pairs"
        case .lastN(let n): return "each user's last \(n) pair\(n == 1 ? "" : "s") by time (users with ≤ \(n) stay in training)"
        case .temporal(let t): return "rows at or after \(CivilCalendar.formatTimestamp(seconds: t))"
        case .userFold(let k, let f, let frac):
            return "users in fold \(f) of \(k), per user floor(\(shortNumber(frac))·n + 0.5) random pairs"
        }
    }

    private func percent(_ f: Double) -> String { shortNumber((f * 1000).rounded() / 10) + "%" }
}

/// Which columns a split reads.
public struct SplitColumns: Sendable, Equatable {
    public var user: String
    public var item: String
    public var time: String?

    public init(user: String, item: String, time: String? = nil) {
        self.user = user
        self.item = item
        self.time = time
    }
}

/// A split as row numbers of the source table, with the counts a protocol reports.
public struct TableSplit: Sendable {
    public let method: SplitMethod
    public let seed: UInt64
    public let trainRows: [Int]
    public let testRows: [Int]
    /// Rows in neither part (missing user or item).
    public let rowsLeftOut: Int
    public let trainUsers: Int
    public let trainItems: Int
    public let testUsers: Int
    public let testItems: Int
    /// Test users with no training rows: no collaborative model can rank for them.
    public let testUsersAbsentFromTraining: Int
    /// Distinct test items no training row mentions.
    public let testItemsAbsentFromTraining: Int

    /// The method, and the seed when the method is random.
    public var description: String {
        switch method {
        case .lastN, .temporal: return method.description
        default: return method.description + ", seed \(seed)"
        }
    }
}
