// A/B on a large log: load the CSV, two-proportion z-test on `converted` by `variant`, and a
// seeded bootstrap of the difference in mean `revenue` on the first BOOT_ROWS rows.
import StrataEngine

enum ABTest {
    static let usage = "FILE RESAMPLES BOOT_ROWS"

    static func run(_ args: [String]) throws -> String {
        guard args.count == 3, let resamples = Int(args[1]), let bootRows = Int(args[2]) else {
            throw BenchUsageError(description: "usage: abtest " + usage)
        }
        var clock = BenchClock()
        let table = try CSVReader.read(path: args[0]).table
        let loadSeconds = clock.lap()
        let variant = try table.requireColumn("variant")
        guard case .string(let codes, let dictionary) = variant.data, let b = dictionary.firstIndex(of: "B"),
              let converted = try table.requireColumn("converted").doubles(),
              let revenue = try table.requireColumn("revenue").doubles() else {
            throw BenchUsageError(description: "expected variant (A/B), converted and revenue columns")
        }
        var trials = [0, 0], successes = [0, 0]
        for i in 0..<codes.count {
            let v = Int(codes[i]) == b ? 1 : 0
            trials[v] += 1
            if converted[i] == 1 { successes[v] += 1 }
        }
        let z = ProportionTests.zTest(control: try ProportionSample(successes: successes[0], trials: trials[0]),
                                      treatment: try ProportionSample(successes: successes[1], trials: trials[1]))
        let zSeconds = clock.lap()
        var control: [Double] = [], treatment: [Double] = []
        for i in 0..<min(bootRows, codes.count) {
            if Int(codes[i]) == b { treatment.append(revenue[i]) } else { control.append(revenue[i]) }
        }
        let boot = try Bootstrap.differenceInMeans(control: control, treatment: treatment, resamples: resamples, seed: 1)
        let bootSeconds = clock.lap()
        return "{\"rows\": \(table.rowCount), \"z\": \(z.z), \"p\": \(z.pValue), \"diff\": \(boot.estimate), "
            + "\"ci_low\": \(boot.interval.lower), \"ci_high\": \(boot.interval.upper), \"load_seconds\": \(loadSeconds), "
            + "\"ztest_seconds\": \(zSeconds), \"bootstrap_seconds\": \(bootSeconds)}"
    }
}
