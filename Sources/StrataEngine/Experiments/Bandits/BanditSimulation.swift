/// How long and how often to simulate, and where to record the curves.
public struct BanditPlan: Sendable, Equatable {
    public let rounds: Int
    public let runs: Int
    public let seed: UInt64
    /// The rounds (1-based, increasing, the last equal to `rounds`) at which the curves are read.
    public let checkpoints: [Int]

    public init(rounds: Int, runs: Int, seed: UInt64, points: Int = 40) throws {
        guard rounds >= 1 else { throw EngineError("a simulation needs at least one round, got \(rounds)", suggestion: "e.g. rounds=10000") }
        guard runs >= 1 else { throw EngineError("a simulation needs at least one run, got \(runs)", suggestion: "e.g. runs=100") }
        self.rounds = rounds
        self.runs = runs
        self.seed = seed
        let count = Swift.max(1, Swift.min(points, rounds))
        var marks: [Int] = []
        for k in 1...count {
            let round = Int((Double(rounds) * Double(k) / Double(count)).rounded())
            if round > (marks.last ?? 0) { marks.append(round) }
        }
        checkpoints = marks
    }

    /// Run r's two independent streams: the environment's (contexts, rewards) and the policy's.
    func streams(run: Int) -> (environment: SeededGenerator, policy: SeededGenerator) {
        (SeededGenerator(seed: seed, stream: UInt64(2 * run)), SeededGenerator(seed: seed, stream: UInt64(2 * run + 1)))
    }
}

/// One run of one policy: its curves at the plan's checkpoints.
struct BanditRunTrace: Sendable {
    var cumulativeReward: [Double]
    var cumulativeRegret: [Double]
    /// Pulls of each arm in the window ending at each checkpoint: `windowPulls[k·arms + a]`.
    var windowPulls: [Int]
    var totalPulls: [Int]
}

/// A value across runs: the mean and the 5th and 95th percentiles (NumPy's linear rule).
public struct RunBand: Sendable, Equatable {
    public let mean: Double
    public let low: Double
    public let high: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        mean = values.reduce(0, +) / Double(Swift.max(1, values.count))
        low = Bootstrap.percentile(sorted, 0.05)
        high = Bootstrap.percentile(sorted, 0.95)
    }
}

/// What repeated runs of one policy came to.
public struct BanditSimulationResult: Sendable {
    public let policy: String
    public let checkpoints: [Int]
    /// Per checkpoint, across runs.
    public let reward: [RunBand]
    public let regret: [RunBand]
    /// Per checkpoint and arm: the share of that window's pulls, averaged over runs.
    public let windowShares: [[Double]]
    /// Per arm: the share of all pulls, averaged over runs.
    public let finalShares: [Double]
    /// The share of runs whose most-pulled arm (the lower on ties) is the environment's best arm.
    public let bestArmIdentified: Double
}

public enum BanditSimulation {
    /// Runs `plan.runs` independent simulations of a fresh policy against `environment`. Runs go in
    /// parallel (one FixedChunks piece each) and are combined in run order, so the result is the
    /// same bit for bit on any number of threads.
    public static func simulate<Policy: BanditPolicy>(
        _ estimator: BanditEstimator<Policy>, name: String, environment: BanditEnvironment, plan: BanditPlan,
        context: RunContext, workers: Int = FixedChunks.threadCount
    ) throws -> BanditSimulationResult {
        let fresh = try estimator.fit(BanditHistory(armCount: environment.armCount, featureCount: environment.featureCount), context: context)
        let traces = DisjointWrites<BanditRunTrace?>(repeating: nil, count: plan.runs)
        try FixedChunks(pieces: plan.runs).forEach(workers: workers, cancellation: context.cancellation) { run in
            traces[run] = try trace(fresh, environment, plan, run: run, cancellation: context.cancellation)
        }
        var all: [BanditRunTrace] = []
        for run in 0..<plan.runs {
            guard let t = traces[run] else { throw EngineError("internal error: bandit run \(run + 1) produced nothing") }
            all.append(t)
        }
        return summarize(all, name: name, environment: environment, plan: plan)
    }

    static func trace<Policy: BanditPolicy>(_ fresh: Policy, _ env: BanditEnvironment, _ plan: BanditPlan, run: Int,
                                            cancellation: Cancellation) throws -> BanditRunTrace {
        var (environmentStream, policyStream) = plan.streams(run: run)
        var policy = fresh
        let arms = env.armCount
        let contexts = env.contextNames.count
        let best = env.bestMeans
        let means = env.means
        var trace = BanditRunTrace(cumulativeReward: [], cumulativeRegret: [], windowPulls: [], totalPulls: Array(repeating: 0, count: arms))
        trace.cumulativeReward.reserveCapacity(plan.checkpoints.count)
        trace.cumulativeRegret.reserveCapacity(plan.checkpoints.count)
        var window = Array(repeating: 0, count: arms)
        var rewardSum = 0.0
        var regretSum = 0.0
        var next = 0
        for round in 1...plan.rounds {
            if round & 4095 == 0 { try cancellation.check() }
            let context: Int
            let reward: (Int) -> Double
            switch env.draw {
            case .bernoulli:
                context = contexts > 1 ? environmentStream.nextInt(below: contexts) : 0
                let u = environmentStream.nextDouble()
                let rates = means[context]
                reward = { u < rates[$0] ? 1 : 0 }
            case .users(let userContext, let rewards):
                let user = environmentStream.nextInt(below: userContext.count)
                context = userContext[user]
                reward = { rewards[user * arms + $0] }
            }
            let features = env.features[context]
            let arm = policy.choose(features, using: &policyStream)
            let r = reward(arm)
            policy.learn(BanditEvent(arm: arm, reward: r, features: features))
            rewardSum += r
            regretSum += best[context] - means[context][arm]
            window[arm] += 1
            if round == plan.checkpoints[next] {
                trace.cumulativeReward.append(rewardSum)
                trace.cumulativeRegret.append(regretSum)
                trace.windowPulls += window
                for a in 0..<arms { trace.totalPulls[a] += window[a]; window[a] = 0 }
                next += 1
            }
        }
        return trace
    }

    static func summarize(_ traces: [BanditRunTrace], name: String, environment env: BanditEnvironment,
                          plan: BanditPlan) -> BanditSimulationResult {
        let arms = env.armCount
        let runs = Double(traces.count)
        var reward: [RunBand] = []
        var regret: [RunBand] = []
        var windowShares: [[Double]] = []
        for k in plan.checkpoints.indices {
            reward.append(RunBand(traces.map { $0.cumulativeReward[k] }))
            regret.append(RunBand(traces.map { $0.cumulativeRegret[k] }))
            let size = Double(plan.checkpoints[k] - (k == 0 ? 0 : plan.checkpoints[k - 1]))
            windowShares.append((0..<arms).map { a in traces.reduce(0) { $0 + Double($1.windowPulls[k * arms + a]) } / size / runs })
        }
        let finalShares = (0..<arms).map { a in traces.reduce(0) { $0 + Double($1.totalPulls[a]) } / Double(plan.rounds) / runs }
        let best = env.bestArm
        let identified = traces.filter { t in
            var most = 0
            for a in 1..<arms where t.totalPulls[a] > t.totalPulls[most] { most = a }
            return most == best
        }.count
        return BanditSimulationResult(policy: name, checkpoints: plan.checkpoints, reward: reward, regret: regret,
                                      windowShares: windowShares, finalShares: finalShares,
                                      bestArmIdentified: Double(identified) / runs)
    }
}
