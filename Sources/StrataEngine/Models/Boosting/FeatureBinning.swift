/// How gradient boosting turns each feature into small integer bins before it grows any tree, as
/// LightGBM and scikit-learn's HistGradientBoosting do: split searches then scan at most 256 bins
/// per feature instead of every distinct value.
///
/// - Numeric: at most `maxBins` (255) bins. With that many distinct values or fewer, one bin per
///   value and the thresholds are the midpoints between neighbours; otherwise the thresholds are
///   quantiles (scikit-learn's rule: percentiles `k/maxBins` by the midpoint method, repeated
///   values merged). A value goes to the first bin whose upper threshold it does not exceed, so a
///   split after bin `b` is exactly the raw rule `value <= thresholds[b]`.
/// - Categorical: one bin per level (the code is the bin); at most `maxBins` levels.
/// - Missing values (NaN, or code −1) always have a bin of their own after the others.
public struct FeatureBinning: Sendable, Equatable {
    public static let maxBins = 255
    /// Rows sorted to find quantiles at most (scikit-learn's `subsample`); a seeded sample above it.
    public static let quantileSampleLimit = 200_000

    public enum Rule: Sendable, Equatable {
        /// Upper bounds of every numeric bin but the last.
        case numeric(thresholds: [Double])
        case categorical(levelCount: Int)
    }

    public let name: String
    public let rule: Rule

    /// Non-missing bins; the missing bin's index.
    public var binCount: Int {
        switch rule {
        case .numeric(let thresholds): return thresholds.count + 1
        case .categorical(let levelCount): return max(levelCount, 1)
        }
    }

    public var missingBin: Int { binCount }

    public var isCategorical: Bool {
        if case .categorical = rule { return true }
        return false
    }

    /// Learns the bins of one training feature.
    public static func fit(_ feature: ModelFrame.Feature, seed: UInt64) throws -> FeatureBinning {
        switch feature {
        case .categorical(let name, _, let levels):
            guard levels.count <= maxBins else {
                throw EngineError("feature '\(name)' has \(levels.count) categories; gradient boosting takes at most \(maxBins)",
                                  suggestion: "group the rare categories of '\(name)' into one before training")
            }
            return FeatureBinning(name: name, rule: .categorical(levelCount: levels.count))
        case .numeric(let name, let values):
            var present = values.filter { !$0.isNaN }
            if present.count > quantileSampleLimit {
                var generator = SeededGenerator(seed: seed)
                let picked = generator.sampleIndices(count: quantileSampleLimit, from: present.count)
                present = picked.map { present[$0] }
            }
            present.sort()
            return FeatureBinning(name: name, rule: .numeric(thresholds: thresholds(sorted: present)))
        }
    }

    /// Bin upper bounds for sorted, non-missing values.
    static func thresholds(sorted values: [Double]) -> [Double] {
        var distinct: [Double] = []
        for value in values where distinct.last != value { distinct.append(value) }
        if distinct.count <= maxBins {
            return distinct.count < 2 ? [] : (1..<distinct.count).map { (distinct[$0 - 1] + distinct[$0]) / 2 }
        }
        // numpy's percentile with method="midpoint": the mean of the two order statistics around
        // the fractional rank (the same one when the rank is whole).
        var cuts: [Double] = []
        let last = Double(values.count - 1)
        for k in 1..<maxBins {
            let rank = Double(k) / Double(maxBins) * last
            let low = Int(rank.rounded(.down)), high = Int(rank.rounded(.up))
            let cut = (values[low] + values[high]) / 2
            if cuts.last.map({ cut > $0 }) ?? true { cuts.append(cut) }
        }
        // The largest value must lie in the last bin, never above every threshold's bin.
        while let top = cuts.last, top >= distinct[distinct.count - 1] { cuts.removeLast() }
        return cuts
    }

    /// The bin of a value (NaN or a negative code: the missing bin).
    @inlinable public func bin(_ value: Double) -> Int {
        if value.isNaN { return missingBin }
        switch rule {
        case .categorical(let levelCount):
            let code = Int(value)
            return code >= 0 && code < levelCount ? code : missingBin
        case .numeric(let thresholds):
            var low = 0, high = thresholds.count
            while low < high {
                let middle = (low + high) / 2
                if value <= thresholds[middle] { high = middle } else { low = middle + 1 }
            }
            return low
        }
    }
}

/// Every feature of a frame as bins, column-major (`bins[f·rows + i]`), with the rules that made them.
struct BinnedFrame: Sendable {
    let rowCount: Int
    let binnings: [FeatureBinning]
    let bins: [UInt8]

    /// Bins `frame` with rules already learned (on the training rows).
    init(_ frame: ModelFrame, binnings: [FeatureBinning], workers: Int = FixedChunks.threadCount) {
        rowCount = frame.rowCount
        self.binnings = binnings
        var bins = [UInt8](repeating: 0, count: frame.rowCount * binnings.count)
        let features = FixedChunks(pieces: binnings.count)
        let rows = frame.rowCount
        bins.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(buffer)
            features.forEach(workers: rows >= TreeGrower.parallelWorkThreshold ? workers : 1) { f in
                let base = f * rows
                let (feature, binning) = (frame.features[f], binnings[f])
                for i in 0..<rows { out[base + i] = UInt8(binning.bin(feature.numericValue(i))) }
            }
        }
        self.bins = bins
    }

    /// Where each feature's bins start in a histogram laid out feature after feature, each with
    /// its missing bin last; the final entry is the total.
    var histogramOffsets: [Int] {
        var offsets = [0]
        for binning in binnings { offsets.append(offsets[offsets.count - 1] + binning.binCount + 1) }
        return offsets
    }
}
