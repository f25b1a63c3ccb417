// k-means on every row of a CSV file (all numeric columns but `label`), then the exact silhouette
// of the first SIL rows with the labels of the first algorithm's fit, as ../shared/peers/bench_cluster.py
// does for scikit-learn. Each timing is the median of REPEATS runs, with all cores.
import StrataEngine
#if canImport(Glibc)
import Glibc
#endif

enum Cluster {
    static let usage = "FILE K [--n-init N] [--max-iter N] [--seed S] [--algorithms lloyd,hamerly,minibatch] "
        + "[--sil ROWS] [--repeats R] [--threads 1,2]"

    static func run(_ args: [String]) throws -> String {
        guard args.count >= 2, let k = Int(args[1]) else { throw BenchUsageError(description: "usage: cluster " + usage) }
        var flags: [String: String] = [:]
        var i = 2
        while i + 1 < args.count {
            flags[args[i]] = args[i + 1]
            i += 2
        }
        let initCount = Int(flags["--n-init"] ?? "1") ?? 1
        let maxIterations = Int(flags["--max-iter"] ?? "100") ?? 100
        let seed = UInt64(flags["--seed"] ?? "0") ?? 0
        let silhouetteRows = Int(flags["--sil"] ?? "20000") ?? 20000
        let repeats = Int(flags["--repeats"] ?? "3") ?? 3
        let algorithms = (flags["--algorithms"] ?? "lloyd,hamerly").split(separator: ",").compactMap {
            KMeansAlgorithm(rawValue: String($0))
        }

        var clock = BenchClock()
        let table = try CSVReader.read(path: args[0]).table
        let names = table.columnNames.filter { $0 != "label" }
        let x = try table.features(names).matrix
        var lines = ["\"rows\": \(x.rowCount)", "\"features\": \(x.columnCount)", "\"load_seconds\": \(clock.lap())"]
        var firstLabels: [Int] = []
        for algorithm in algorithms {
            var options = KMeansOptions(k: k, seed: seed)
            options.initCount = initCount
            options.maxIterations = maxIterations
            options.algorithm = algorithm
            var times: [Double] = []
            var cpu: [Double] = []
            var model: KMeansModel?
            for _ in 0..<repeats {
                var timer = CPUAndWallClock()
                model = try KMeans(options).fit(x, context: .quiet)
                let lap = timer.lap()
                times.append(lap.wall)
                cpu.append(lap.cpu)
            }
            guard let model else { continue }
            if firstLabels.isEmpty { firstLabels = model.labels }
            lines.append("\"kmeans_\(algorithm.rawValue)\": {\"seconds\": \(median(times)), \"cpu_seconds\": \(median(cpu)), "
                         + "\"runs\": \(times), \"inertia\": \(model.inertia), \"iterations\": \(model.iterations)}")
        }
        if silhouetteRows > 1 && !firstLabels.isEmpty {
            let m = min(silhouetteRows, x.rowCount)
            let sample = x.takingRows(Array(0..<m))
            let labels = Array(firstLabels.prefix(m))
            var times: [Double] = []
            var cpu: [Double] = []
            var value = 0.0
            for _ in 0..<repeats {
                var timer = CPUAndWallClock()
                value = try ClusterValidity.silhouette(sample, labels: labels, sampleLimit: nil, seed: 0,
                                                       context: .quiet).mean
                let lap = timer.lap()
                times.append(lap.wall)
                cpu.append(lap.cpu)
            }
            lines.append("\"silhouette_first_\(m)\": {\"seconds\": \(median(times)), \"cpu_seconds\": \(median(cpu)), "
                         + "\"runs\": \(times), \"silhouette\": \(value)}")
        }
        return "{" + lines.joined(separator: ", ") + "}"
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

/// Wall and process CPU seconds (both threads): on this shared machine the wall time moves with
/// other people's load, while the CPU time says what the work itself cost.
struct CPUAndWallClock {
    private var wall = BenchClock()
    private var cpuStart = CPUAndWallClock.processCPU()

    static func processCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    mutating func lap() -> (wall: Double, cpu: Double) {
        let now = Self.processCPU()
        defer { cpuStart = now }
        return (wall.lap(), now - cpuStart)
    }
}
