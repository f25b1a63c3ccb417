/// Where libraries define a metric differently, which form to use. The defaults are Strata's
/// definitions (docs/metrics.md); each alternative reproduces a named library.
public struct MetricDefinitions: Sendable, Equatable {
    public enum Recall: String, Sendable, CaseIterable {
        /// hits / |relevant| (bench_recsys R@k, most papers).
        case relevant
        /// hits / min(|relevant|, k) (LensKit's Recall).
        case truncated
    }
    public enum Precision: String, Sendable, CaseIterable {
        /// hits / k, also for lists shorter than k.
        case k
        /// hits / length of the list (LensKit's Precision for short lists).
        case list
    }
    public enum Gain: String, Sendable, CaseIterable {
        /// 1 for every relevant item.
        case binary
        /// the test rating itself.
        case linear
        /// 2^rating − 1 (Burges et al.; sklearn's ndcg_score uses linear).
        case exponential
    }
    public enum Discount: String, Sendable, CaseIterable {
        /// 1 / log2(rank + 1).
        case log2
        /// 1 / log2(max(rank, 2)), LensKit's default: ranks 1 and 2 both weigh 1.
        case lenskit
    }
    public enum AveragePrecision: String, Sendable, CaseIterable {
        /// Σ precision@rank over hits / min(|relevant|, k) (ml_metrics apk, the usual MAP@k).
        case truncated
        /// Σ precision@rank over hits / |relevant|.
        case relevant
        /// Σ precision@rank over hits / min(|relevant|, list length) (LensKit's AveragePrecision).
        case list
    }

    public var recall: Recall = .relevant
    public var precision: Precision = .k
    public var gain: Gain = .binary
    public var discount: Discount = .log2
    public var averagePrecision: AveragePrecision = .truncated

    public init() {}

    @inline(__always)
    func discount(rank: Int) -> Double {
        switch discount {
        case .log2: return 1 / log2(Double(rank + 1))
        case .lenskit: return 1 / log2(Double(max(rank, 2)))
        }
    }

    @inline(__always)
    func gain(grade: Double) -> Double {
        switch gain {
        case .binary: return 1
        case .linear: return grade
        case .exponential: return pow(2, grade) - 1
        }
    }

    /// One line per choice, for the evaluation protocol.
    public var protocolLines: [String] {
        [
            "precision@k = hits / " + (precision == .k ? "k (short lists still divide by k)" : "list length (LensKit)"),
            "recall@k = hits / " + (recall == .relevant ? "|relevant|" : "min(|relevant|, k) (LensKit)"),
            "ndcg@k: gain " + (gain == .binary ? "1 per relevant item" : gain == .linear ? "= rating" : "= 2^rating − 1")
                + ", discount " + (discount == .log2 ? "1/log2(rank+1)" : "1/log2(max(rank,2)) (LensKit default)")
                + ", ideal from all relevant test items",
            "map@k: AP = Σ precision at each hit / " + {
                switch averagePrecision {
                case .truncated: return "min(|relevant|, k)"
                case .relevant: return "|relevant|"
                case .list: return "min(|relevant|, list length) (LensKit)"
                }
            }(),
        ]
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
