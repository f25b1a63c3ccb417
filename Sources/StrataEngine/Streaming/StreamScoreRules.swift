/// A user's own score and tiers for streamed customers: the rules of the batch `score` (weighted
/// criteria, each scaled) and `segment` (quantile tiers or thresholds, with labels), over the
/// profile columns a stream keeps. Checked when made, so a stream never starts with rules that
/// could not be evaluated.
public struct StreamScoreRules: Sendable {
    public enum Cut: Sendable, Equatable {
        /// `segment … tiers=N`: cut points at the j/N quantiles of the current scores.
        case quantiles(Int)
        /// `segment … thresholds=…`: fixed increasing cut points.
        case thresholds([Double])
    }

    /// The profile columns criteria may name, as the `rfm` table calls them.
    public static let columns = ["recency", "frequency", "monetary"]

    public let criteria: [Criterion]
    public let scaling: ScalingMethod
    public let cut: Cut
    public let labels: [String]?

    public init(criteria: [Criterion], scaling: ScalingMethod, cut: Cut, labels: [String]?) throws {
        for c in criteria where !Self.columns.contains(c.column) {
            throw EngineError("a stream's profiles have no column '\(c.column)'", suggestion: "criteria name " + Self.columns.joined(separator: ", "))
        }
        self.criteria = criteria
        self.scaling = scaling
        self.cut = cut
        self.labels = labels
        // The weights and the cut are checked on a stand-in score, as `score` and `segment` would.
        let sample = [0.0, 1.0]
        _ = try ScoringMatrix.manual(FeatureMatrix(columns: criteria.map { _ in sample }, names: criteria.map(\.column)),
                                     criteria: criteria, scaling: .none)
        _ = try tiers(sample)
    }

    /// Scores are computed the first time a day closes, when the scaling can be fitted on the
    /// customers; unscaled scores cut at fixed thresholds need no other customer and start at once.
    var needsPopulation: Bool {
        if scaling != .none { return true }
        if case .quantiles = cut { return true }
        return false
    }

    func tiers(_ scores: [Double]) throws -> TierResult {
        switch cut {
        case .quantiles(let n): return try Tiers.byQuantiles(scores, count: n, labels: labels)
        case .thresholds(let t): return try Tiers.byThresholds(scores, thresholds: t, labels: labels)
        }
    }

    /// The criteria's values, in criteria order, from a profile.
    func row(recency: Double, frequency: Double, monetary: Double) -> [Double] {
        criteria.map { c in c.column == "recency" ? recency : c.column == "frequency" ? frequency : monetary }
    }

    public var description: String {
        let items = criteria.map { c in
            "\(c.column):\(c.direction == .lowerIsBetter ? "-" : "")\(DescribeFormat.number(c.weight))"
        }.joined(separator: ", ")
        let cutText: String
        switch cut {
        case .quantiles(let n): cutText = "\(n) quantile tiers"
        case .thresholds(let t): cutText = "thresholds " + t.map { DescribeFormat.number($0) }.joined(separator: ", ")
        }
        return "score = \(items) (scale=\(scaling.rawValue)), \(cutText)"
    }
}

/// The tiers of `StreamScoreRules`, kept current by a stream. At the close of each day every
/// customer is scored and tiered as `score` and `segment` would on the `rfm … asof=NEXT_DAY` table
/// (the scaling and the quantile cut points fitted on all customers); between closes a customer
/// whose profile changes is re-scored at once with that day's fitted scaling and cut points, so a
/// purchase can move a customer up a tier the moment it happens. Every change is a move.
public struct StreamTiers: Sendable {
    struct Fitted: Sendable {
        let scaler: FittedScaler
        let weights: [Double]
        let cuts: [Double]
        let labels: [String]
    }

    public let rules: StreamScoreRules
    public private(set) var tier: [String?] = []
    public private(set) var score: [Double?] = []
    public private(set) var moves: [MembershipMove] = []
    /// Closes where the rules could not be fitted (a constant criterion, say) and the tiers stayed as they were.
    public private(set) var skippedCloses = 0
    public private(set) var firstSkip: String?
    private var fitted: Fitted?

    public init(_ rules: StreamScoreRules) {
        self.rules = rules
        if !rules.needsPopulation { fitted = try? Self.fit(rules, rows: [rules.criteria.map { _ in 0 }]).fitted }
    }

    /// Customers with a tier.
    public var customers: Int { tier.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    private static func fit(_ rules: StreamScoreRules, rows: [[Double]]) throws -> (fitted: Fitted, scores: [Double], tiers: [String?]) {
        let x = FeatureMatrix(columns: rules.criteria.indices.map { j in rows.map { $0[j] } }, names: rules.criteria.map(\.column))
        let result = try ScoringMatrix.manual(x, criteria: rules.criteria, scaling: rules.scaling)
        let tiers = try rules.tiers(result.scores)
        return (Fitted(scaler: result.scaler, weights: result.lines.map(\.weight), cuts: tiers.cuts, labels: tiers.bands.map(\.label)),
                result.scores, tiers.labels)
    }

    /// A customer's profile changed at `time`: re-scored with the fitted rules, when there are any.
    mutating func profileChanged(customer: Int, recency: Double, frequency: Double, monetary: Double, time: Int64) {
        guard let fitted else { return }
        let row = rules.row(recency: recency, frequency: frequency, monetary: monetary)
        guard let s = ScoringMatrix.score(row, scaler: fitted.scaler, weights: fitted.weights) else { return }
        set(customer, score: s, tier: fitted.labels[Tiers.tier(of: s, cuts: fitted.cuts)], time: time)
    }

    /// A day closed at `time`: the rules are fitted on `rows` (one per customer in `customers`) and everyone re-tiered.
    mutating func close(at time: Int64, customers: [Int], rows: [[Double]]) {
        do {
            let (f, scores, tiers) = try Self.fit(rules, rows: rows)
            fitted = f
            for (i, u) in customers.enumerated() {
                if let t = tiers[i] { set(u, score: scores[i], tier: t, time: time) }
            }
        } catch {
            skippedCloses += 1
            if firstSkip == nil {
                let reason = (error as? any UserFacingError)?.message ?? String(describing: error)
                firstSkip = "\(CivilCalendar.formatTimestamp(seconds: time)): \(reason)"
            }
        }
    }

    private mutating func set(_ customer: Int, score s: Double, tier t: String, time: Int64) {
        if customer >= tier.count {
            tier += [String?](repeating: nil, count: customer + 1 - tier.count)
            score += [Double?](repeating: nil, count: customer + 1 - score.count)
        }
        score[customer] = s
        guard tier[customer] != t else { return }
        moves.append(MembershipMove(time: time, customer: Int32(truncatingIfNeeded: customer), from: tier[customer], to: t))
        tier[customer] = t
    }
}
