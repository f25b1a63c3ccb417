/// The exact split search of one feature at one node, in two steps:
///
/// 1. Units: the node's distinct values of the feature in split order, each with its rows, weight
///    and class totals (or Σwy, Σwy²). A numeric feature gets them by counting per rank when the
///    feature has few distinct values for the node's size (O(rows + distinct values)), else by
///    sorting the node's (rank, row) keys as integers; a categorical feature always counts per
///    level, then orders the levels by mean target.
/// 2. The sweep: every boundary between consecutive units is a candidate, scored by
///    scikit-learn's proxy impurity improvement, with missing rows first on the right and then on
///    the left. Values closer than `featureThreshold` are not split apart, as in scikit-learn.
extension TreeGrowth {
    /// A numeric feature is counted per rank when it has at most this many distinct values per
    /// row of the node: scanning the ranks costs about as much as sorting that many keys.
    static var countingRatio: Int { 4 }

    /// Tries every split of one feature at the node; false when the feature is constant there.
    mutating func evaluate(feature f: Int, start: Int, end: Int, nodeWeight: Double,
                           best: inout NodeSplit) -> Bool {
        for s in 0..<width { missing[s] = 0 }
        let nodeCount = end - start
        let categorical = isCategorical[f]
        let units: Int
        let gathered: Gathered
        if categorical || rankCounts[f] <= Self.countingRatio * nodeCount {
            gathered = countPerRank(feature: f, start: start, end: end)
            if gathered.present == 0 { return false }
            units = categorical ? levelUnits(gathered) : rankUnits(gathered)
            if categorical && gathered.missingCount == 0 && units <= 1 { return false }
        } else {
            gathered = sortedUnits(feature: f, start: start, end: end)
            if gathered.present == 0 { return false }
            units = gathered.units
        }
        let valueBase = distinctStart[f]
        if !categorical && gathered.missingCount == 0
            && distinct[valueBase + Int(unitRank[units - 1])] <= distinct[valueBase + Int(unitRank[0])] + featureThreshold {
            return false
        }
        sweep(feature: f, units: units, categorical: categorical, gathered: gathered, nodeCount: nodeCount,
              nodeWeight: nodeWeight, best: &best)
        return true
    }

    /// What a pass over the node's rows found: its non-missing rows, the lowest and highest rank
    /// among them (counting) or the number of units (sorting), and the missing rows (whose
    /// statistics are in `missing`).
    struct Gathered {
        var present = 0
        var lowest = Int.max
        var highest = -1
        var units = 0
        var missingCount = 0
        var missingWeight = 0.0
    }

    /// Adds the node's rows into the per-rank bins.
    private func countPerRank(feature f: Int, start: Int, end: Int) -> Gathered {
        var g = Gathered()
        let base = f * rowCount
        if let labels {
            for i in start..<end {
                let row = Int(samples[i])
                let rank = ranks[base + row]
                let w = weights[row]
                let label = Int(labels[row])
                if rank == TreeRanks.missing {
                    g.missingCount += 1
                    g.missingWeight += w
                    missing[label] += w
                    continue
                }
                let r = Int(rank)
                binN[r] += 1
                binW[r] += w
                binStats[r * width + label] += w
                g.lowest = min(g.lowest, r)
                g.highest = max(g.highest, r)
            }
        } else if let y {
            for i in start..<end {
                let row = Int(samples[i])
                let rank = ranks[base + row]
                let w = weights[row]
                let wy = w * y[row], wyy = w * y[row] * y[row]
                if rank == TreeRanks.missing {
                    g.missingCount += 1
                    g.missingWeight += w
                    missing[0] += wy
                    missing[1] += wyy
                    continue
                }
                let r = Int(rank)
                binN[r] += 1
                binW[r] += w
                binStats[2 * r] += wy
                binStats[2 * r + 1] += wyy
                g.lowest = min(g.lowest, r)
                g.highest = max(g.highest, r)
            }
        }
        g.present = end - start - g.missingCount
        return g
    }

    /// The bins' ranks present in the node, in rank order, as units; clears the bins.
    private func rankUnits(_ g: Gathered) -> Int {
        var u = 0
        for r in g.lowest...g.highest where binN[r] > 0 {
            unitRank[u] = UInt32(r)
            unitN[u] = binN[r]
            unitW[u] = binW[r]
            for s in 0..<width {
                unitStats[u * width + s] = binStats[r * width + s]
                binStats[r * width + s] = 0
            }
            binN[r] = 0
            binW[r] = 0
            u += 1
        }
        return u
    }

    /// The bins' levels present in the node as units, ordered by mean target (ties by level);
    /// clears the bins.
    private func levelUnits(_ g: Gathered) -> Int {
        // The statistic whose mean orders the levels.
        var key = 0
        if classCount == 2 {
            key = 1
        } else if classCount > 2 {
            for s in 1..<width where total[s] > total[key] { key = s }
        }
        var levels: [Int32] = []
        for r in g.lowest...g.highest where binN[r] > 0 && binW[r] > 0 { levels.append(Int32(r)) }
        let width = self.width, stats = binStats, w = binW
        levels.sort { a, b in
            let ma = stats[Int(a) * width + key] / w[Int(a)]
            let mb = stats[Int(b) * width + key] / w[Int(b)]
            return ma != mb ? ma < mb : a < b
        }
        for (u, level) in levels.enumerated() {
            let r = Int(level)
            unitRank[u] = UInt32(r)
            unitN[u] = binN[r]
            unitW[u] = binW[r]
            for s in 0..<width { unitStats[u * width + s] = binStats[r * width + s] }
        }
        for r in g.lowest...g.highest {
            binN[r] = 0
            binW[r] = 0
            for s in 0..<width { binStats[r * width + s] = 0 }
        }
        return levels.count
    }

    /// Sorts the node's (rank, row) keys and groups them into units.
    private func sortedUnits(feature f: Int, start: Int, end: Int) -> Gathered {
        var g = Gathered()
        let base = f * rowCount
        var m = 0
        var highest: UInt32 = 0
        for i in start..<end {
            let row = Int(samples[i])
            let rank = ranks[base + row]
            if rank == TreeRanks.missing {
                let w = weights[row]
                g.missingCount += 1
                g.missingWeight += w
                if let labels {
                    missing[Int(labels[row])] += w
                } else if let y {
                    missing[0] += w * y[row]
                    missing[1] += w * y[row] * y[row]
                }
                continue
            }
            keys[m] = UInt64(rank) << 32 | UInt64(UInt32(truncatingIfNeeded: row))
            highest = max(highest, rank)
            m += 1
        }
        g.present = m
        guard m > 0 else { return g }
        RankKeys.sort(keys, count: m, spare: spareKeys, highestRank: highest)
        var u = -1
        var current = UInt64.max
        for k in 0..<m {
            let key = keys[k]
            let rank = key >> 32
            let row = Int(key & 0xFFFF_FFFF)
            if rank != current {
                u += 1
                current = rank
                unitRank[u] = UInt32(rank)
                unitN[u] = 0
                unitW[u] = 0
                for s in 0..<width { unitStats[u * width + s] = 0 }
            }
            let w = weights[row]
            unitN[u] += 1
            unitW[u] += w
            if let labels {
                unitStats[u * width + Int(labels[row])] += w
            } else if let y {
                unitStats[u * width] += w * y[row]
                unitStats[u * width + 1] += w * y[row] * y[row]
            }
        }
        g.units = u + 1
        return g
    }

    /// Scores every boundary between consecutive units, missing rows right then left.
    private func sweep(feature f: Int, units: Int, categorical: Bool, gathered g: Gathered, nodeCount: Int,
                       nodeWeight: Double, best: inout NodeSplit) {
        let valueBase = distinctStart[f]
        for pass in 0..<(g.missingCount > 0 ? 2 : 1) {
            let missingLeft = pass == 1
            for s in 0..<width { left[s] = missingLeft ? missing[s] : 0 }
            var leftCount = missingLeft ? g.missingCount : 0
            var leftWeight = missingLeft ? g.missingWeight : 0
            for u in 0..<units {
                leftCount += Int(unitN[u])
                leftWeight += unitW[u]
                for s in 0..<width { left[s] += unitStats[u * width + s] }
                let isLast = u == units - 1
                // The last unit leaves only missing rows on the right: tried once, with missing right.
                if isLast && (missingLeft || g.missingCount == 0) { break }
                if !isLast && !categorical
                    && distinct[valueBase + Int(unitRank[u + 1])] <= distinct[valueBase + Int(unitRank[u])] + featureThreshold {
                    continue
                }
                let rightCount = nodeCount - leftCount
                if leftCount < minLeaf || rightCount < minLeaf { continue }
                let score = proxy(leftWeight: leftWeight, nodeWeight: nodeWeight)
                guard score > best.proxy else { continue }
                best.proxy = score
                best.feature = f
                for s in 0..<width { bestLeft[s] = left[s] }
                best.leftWeight = leftWeight
                best.missingGoesLeft = g.missingCount == 0 ? leftCount > rightCount : missingLeft
                if categorical {
                    best.threshold = 0
                    best.leftLevels = (0...u).map { Int32(unitRank[$0]) }.sorted()
                } else if isLast {
                    best.threshold = .infinity
                    best.splitRank = TreeRanks.missing - 1
                    best.leftLevels = []
                } else {
                    let low = distinct[valueBase + Int(unitRank[u])]
                    let high = distinct[valueBase + Int(unitRank[u + 1])]
                    var t = low / 2 + high / 2
                    if t == high || !t.isFinite { t = low }
                    best.threshold = t
                    best.splitRank = unitRank[u]
                    best.leftLevels = []
                }
            }
        }
    }

    /// scikit-learn's proxy_impurity_improvement: larger is better, ordered like the true decrease.
    @inline(__always)
    private func proxy(leftWeight wl: Double, nodeWeight: Double) -> Double {
        let wr = nodeWeight - wl
        switch criterion {
        case .gini:
            var sl = 0.0, sr = 0.0
            for s in 0..<width {
                let l = left[s], r = total[s] - left[s]
                sl += l * l
                sr += r * r
            }
            return sl / wl + sr / wr
        case .entropy:
            var hl = 0.0, hr = 0.0
            for s in 0..<width {
                let l = left[s], r = total[s] - left[s]
                if l > 0 { hl -= l * log2(l / wl) }
                if r > 0 { hr -= r * log2(r / wr) }
            }
            return -(hl + hr)
        case .squaredError:
            let l = left[0], r = total[0] - left[0]
            return l * l / wl + r * r / wr
        }
    }
}

/// Values closer than this count as equal (scikit-learn's FEATURE_THRESHOLD).
let featureThreshold = 1e-7

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
