/// Settings of the contextual factorisation machine.
public struct ContextualFMParameters: EstimatorParameters, Equatable {
    public var factors = 8
    public var epochs = 10
    public var learningRate = 0.02
    public var regularization = 0.0001
    /// Implicit data: unobserved items drawn per positive row, each epoch afresh.
    public var negatives = 2
    public var initStd = 0.1
    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    public var described: [ParameterValue] {
        let d = ContextualFMParameters(seed: 0)
        return [ParameterValue("factors", factors, default: d.factors), ParameterValue("epochs", epochs, default: d.epochs),
                ParameterValue("lr", learningRate, default: d.learningRate), ParameterValue("reg", regularization, default: d.regularization),
                ParameterValue("negatives", negatives, default: d.negatives), ParameterValue("std", initStd, default: d.initStd),
                ParameterValue("seed", String(seed))]
    }
}

/// Context as features: a factorisation machine over one-hot user, item, device and hour band
/// (Rendle 2010; Rendle et al., "Fast context-aware recommendations with factorization machines",
/// SIGIR 2011), trained by SGD on the squared error.
///
/// Training rows are the distinct (user, item, device, band) combinations of the training table.
/// Ratings are the targets as they are. For implicit feedback each such row is a positive (target
/// 1) and, every epoch, `negatives` items are drawn uniformly from the catalogue for it, skipping
/// items the user has in training (up to 20 draws each), with the same user, device and band,
/// target 0. The positives and negatives of an epoch are shuffled together by the seeded generator.
public struct ContextualFMEstimator: RecommenderEstimator {
    public let parameters: ContextualFMParameters
    public init(_ parameters: ContextualFMParameters) { self.parameters = parameters }

    public func fit(_ data: ContextualInteractions, context: RunContext) throws -> ContextualFM {
        let p = parameters
        let layout = ContextualFM.Layout(users: data.interactions.userCount, items: data.interactions.itemCount,
                                         devices: data.vocabulary.devices.count)
        var rng = SeededGenerator(seed: p.seed)
        let factorValues = (0..<(layout.featureCount * p.factors)).map { _ in rng.nextGaussian() * p.initStd }
        var machine = FactorizationMachine(bias: 0, linear: [Double](repeating: 0, count: layout.featureCount),
                                           factors: factorValues, k: p.factors)
        let training = data.interactions
        var seenRows = Set<[Int32]>()
        var positives: [(row: ContextRow, target: Double)] = []
        for row in data.rows where seenRows.insert([row.user, row.item, row.device, Int32(row.band?.rawValue ?? -1)]).inserted {
            let value = training.byUser.value(row: Int(row.user), column: Int(row.item)).map(Double.init) ?? 1
            positives.append((row, training.kind.isExplicit ? value : 1))
        }
        let implicit = !training.kind.isExplicit
        for _ in 0..<p.epochs {
            try context.cancellation.check()
            var examples: [(features: [Int], target: Double)] = []
            examples.reserveCapacity(positives.count * (implicit ? 1 + p.negatives : 1))
            for (row, target) in positives {
                examples.append((layout.features(row), target))
                guard implicit else { continue }
                for _ in 0..<p.negatives {
                    if let item = Self.unobservedItem(user: Int(row.user), in: training, &rng) {
                        let negative = ContextRow(user: row.user, item: Int32(item), device: row.device, band: row.band)
                        examples.append((layout.features(negative), 0))
                    }
                }
            }
            rng.shuffle(&examples)
            for e in examples {
                machine.step(e.features, target: e.target, learningRate: p.learningRate, regularization: p.regularization)
            }
        }
        guard machine.bias.isFinite, machine.linear.allSatisfy(\.isFinite), machine.factors.allSatisfy(\.isFinite) else {
            throw EngineError("the factorisation machine diverged (weights became infinite) at lr=\(shortNumber(p.learningRate))",
                              suggestion: "lower lr=, e.g. lr=\(shortNumber(p.learningRate / 10))")
        }
        return ContextualFM(training: training, vocabulary: data.vocabulary, layout: layout, machine: machine,
                            parameters: p, positives: positives.count)
    }

    static func unobservedItem(user: Int, in training: Interactions, _ rng: inout SeededGenerator) -> Int? {
        for _ in 0..<20 {
            let item = rng.nextInt(below: training.itemCount)
            if training.byUser.value(row: user, column: item) == nil { return item }
        }
        return nil
    }
}

/// The fitted machine, ranking a user's items in a context by ŷ(user, item, device, band).
public struct ContextualFM: ContextAwareRecommender {
    /// Where each one-hot block starts: users, then items, devices and the four hour bands.
    public struct Layout: Sendable, Equatable {
        public let users: Int
        public let items: Int
        public let devices: Int

        public init(users: Int, items: Int, devices: Int) {
            self.users = users
            self.items = items
            self.devices = devices
        }

        public var featureCount: Int { users + items + devices + HourBand.allCases.count }
        public func item(_ i: Int) -> Int { users + i }
        public func device(_ d: Int) -> Int { users + items + d }
        public func band(_ b: HourBand) -> Int { users + items + devices + b.rawValue }

        /// Active features of a row; a missing device or band adds none.
        public func features(user: Int?, item: Int, device: Int?, band: HourBand?) -> [Int] {
            var out: [Int] = []
            out.reserveCapacity(4)
            if let user, user >= 0, user < users { out.append(user) }
            out.append(self.item(item))
            if let device, device >= 0, device < devices { out.append(self.device(device)) }
            if let band { out.append(self.band(band)) }
            return out
        }

        func features(_ row: ContextRow) -> [Int] {
            features(user: Int(row.user), item: Int(row.item), device: Int(row.device), band: row.band)
        }
    }

    public let training: Interactions
    public let contextVocabulary: ContextVocabulary
    public let layout: Layout
    public let machine: FactorizationMachine
    public let parameters: ContextualFMParameters
    /// Distinct (user, item, device, band) rows trained on.
    public let positives: Int

    public init(training: Interactions, vocabulary: ContextVocabulary, layout: Layout, machine: FactorizationMachine,
                parameters: ContextualFMParameters, positives: Int) {
        self.training = training
        contextVocabulary = vocabulary
        self.layout = layout
        self.machine = machine
        self.parameters = parameters
        self.positives = positives
    }

    public var algorithmName: String { "factorisation machine (user, item, device, hour band; k=\(machine.k))" }
    public var parameterValues: [ParameterValue] { parameters.described }

    /// ŷ for the user and item in the context (user −1: no user feature).
    public func score(user: Int, item: Int, in context: ResolvedContext) -> Double {
        machine.predict(layout.features(user: user, item: item, device: context.device, band: context.band))
    }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        recommend(user: user, count: count, exclude: exclude, in: ResolvedContext())
    }

    public func recommend(user: Int, count: Int, exclude: Set<Int>, in context: ResolvedContext) -> [Recommendation] {
        let scores = (0..<training.itemCount).map { score(user: user, item: $0, in: context) }
        return scores.withUnsafeBufferPointer { TopScores.select($0, count: count, exclude: exclude) }
    }

    public func explain(user: Int, item: Int) -> Explanation { explain(user: user, item: item, in: ResolvedContext()) }

    /// The terms of ŷ that involve the item: the context's interactions with it first, then the
    /// user's and the item's own weight.
    public func explain(user: Int, item: Int, in context: ResolvedContext) -> Explanation {
        guard item >= 0, item < training.itemCount else { return Explanation(item: item, reasons: []) }
        let j = layout.item(item)
        var contextParts: [String] = []
        if let d = context.device, let name = context.deviceName {
            contextParts.append("on \(name) \(Self.signed(machine.interaction(layout.device(d), j)))")
        }
        if let band = context.band {
            contextParts.append("in \(band.phrase) \(Self.signed(machine.interaction(layout.band(band), j)))")
        }
        var reasons: [Reason] = []
        if !contextParts.isEmpty { reasons.append(Reason("context: " + contextParts.joined(separator: ", "))) }
        var own = ["item weight \(Self.signed(machine.linear[j]))"]
        if user >= 0, user < layout.users { own.insert("this user's taste \(Self.signed(machine.interaction(user, j)))", at: 0) }
        reasons.append(Reason(own.joined(separator: ", ")))
        return Explanation(item: item, reasons: reasons)
    }

    static func signed(_ x: Double) -> String { (x >= 0 ? "+" : "") + NeighborReasons.number(x) }
}
