// Strata's side of the benchmarks under Benchmarks/: `strata-bench MODE ARGS…` runs one measured
// task and prints its timings as one JSON line, so each run.sh can put them beside the peers'.
// Each mode lives in its own file; add a line to `modes` for a new one.
#if canImport(Glibc)
import Glibc
#endif

let modes: [String: (usage: String, run: ([String]) throws -> String)] = [
    "load-and-group": (LoadAndGroup.usage, LoadAndGroup.run),
    "cluster": (Cluster.usage, Cluster.run),
    "ward-dbscan": (WardAndDBSCAN.usage, WardAndDBSCAN.run),
    "kmeans-shapes": (KMeansShapes.usage, KMeansShapes.run),
    "recsys-data": (RecsysData.usage, RecsysData.run),
    "recsys": (RecsysAlgorithms.usage, RecsysAlgorithms.run),
    "parquet": (ParquetReadWrite.usage, ParquetReadWrite.run),
    "abtest": (ABTest.usage, ABTest.run),
    "bandits": (Bandits.usage, Bandits.run),
    "models": (Models.usage, Models.run),
    "prequential": (PrequentialThroughput.usage, PrequentialThroughput.run),
]

let args = Array(CommandLine.arguments.dropFirst())
guard let mode = args.first, let entry = modes[mode] else {
    print("usage: strata-bench MODE ARGS…\nmodes:\n" + modes.keys.sorted().map { "  \($0) \(modes[$0]?.usage ?? "")" }.joined(separator: "\n"))
    exit(2)
}
do {
    print(try entry.run(Array(args.dropFirst())))
} catch {
    print("{\"error\": \"\(error)\"}")
    exit(1)
}
