import Testing
@testable import StrataEngine

/// Scaling against scikit-learn on a small matrix with ties and a skewed column.
/// Reference values: `/work/peers/venv/bin/python Tests/fixtures-src/segmentation_scaling.py`
/// (scikit-learn 1.9.1: MinMaxScaler, StandardScaler, RobustScaler, QuantileTransformer(n_quantiles=11) on distinct values, np.log1p).
@Suite struct SegmentationScalingTests {
    static let a: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    static let b: [Double] = [10, 200, 35, 35, 0, 1000, 12, 35, 8, 90, 40]
    static let y: [Double] = [0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0]
    static let x = FeatureMatrix(columns: [a, b], names: ["a", "b"])
    static let new = FeatureMatrix(columns: [[0, 7, 10], [50, 35, 2000]], names: ["a", "b"])

    static let minmax: [[Double]] = [
        [0.25, 0.01],
        [0.0, 0.2],
        [0.375, 0.035],
        [0.0, 0.035],
        [0.5, 0.0],
        [1.0, 1.0],
        [0.125, 0.012],
        [0.625, 0.035],
        [0.5, 0.008],
        [0.25, 0.09],
        [0.5, 0.04],
    ]
    static let minmaxNew: [[Double]] = [
        [-0.125, 0.05],
        [0.75, 0.035],
        [1.125, 2.0],
    ]
    static let zscore: [[Double]] = [
        [-0.44320263021395917, -0.440914807343593],
        [-1.3296078906418773, 0.23916781062549136],
        [0.0, -0.35143025234766084],
        [-1.3296078906418773, -0.35143025234766084],
        [0.44320263021395917, -0.47670862934196584],
        [2.2160131510697956, 3.10267357049532],
        [-0.8864052604279183, -0.4337560429439184],
        [0.8864052604279183, -0.35143025234766084],
        [0.44320263021395917, -0.44807357174326756],
        [-0.44320263021395917, -0.1545642313566101],
        [0.44320263021395917, -0.3335333413484744],
    ]
    static let zscoreNew: [[Double]] = [
        [-1.7728105208558367, -0.29773951935010157],
        [1.3296078906418773, -0.35143025234766084],
        [2.6592157812837547, 6.682055770332606],
    ]
    static let robust: [[Double]] = [
        [-0.4, -0.46296296296296297],
        [-1.2, 3.0555555555555554],
        [0.0, 0.0],
        [-1.2, 0.0],
        [0.4, -0.6481481481481481],
        [2.0, 17.87037037037037],
        [-0.8, -0.42592592592592593],
        [0.8, 0.0],
        [0.4, -0.5],
        [-0.4, 1.0185185185185186],
        [0.4, 0.09259259259259259],
    ]
    static let robustNew: [[Double]] = [
        [-1.6, 0.2777777777777778],
        [1.2, 0.0],
        [2.4, 36.388888888888886],
    ]
    static let log1p: [[Double]] = [
        [1.3862943611198906, 2.3978952727983707],
        [0.6931471805599453, 5.303304908059076],
        [1.6094379124341003, 3.58351893845611],
        [0.6931471805599453, 3.58351893845611],
        [1.791759469228055, 0.0],
        [2.302585092994046, 6.90875477931522],
        [1.0986122886681096, 2.5649493574615367],
        [1.9459101490553132, 3.58351893845611],
        [1.791759469228055, 2.1972245773362196],
        [1.3862943611198906, 4.51085950651685],
        [1.791759469228055, 3.713572066704308],
    ]
    static let quantileDistinct: [[Double]] = [
        [0.2],
        [0.7000000000000001],
        [0.1],
        [0.29999999999999993],
        [0.8],
        [0.4],
        [0.6],
        [0.9],
        [0.0],
        [0.5],
        [1.0],
    ]
    static let quantileDistinctNew: [[Double]] = [
        [0.0],
        [0.16666666666666669],
        [0.7250000000000001],
        [1.0],
    ]
    static let auc: [Double] = [0.14285714285714285, 0.4285714285714286]

    static func expectClose(_ m: FeatureMatrix, _ expected: [[Double]], tolerance: Double = 1e-12,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(m.rowCount == expected.count, sourceLocation: sourceLocation)
        for (i, row) in expected.enumerated() {
            for (j, e) in row.enumerated() {
                let v = m[i, j]
                #expect(abs(v - e) <= tolerance * max(1, abs(e)), "row \(i) column \(j): \(v) vs \(e)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: [(ScalingMethod.minmax, minmax, minmaxNew), (.zscore, zscore, zscoreNew),
                      (.robust, robust, robustNew)])
    func matchesScikitLearn(_ method: ScalingMethod, _ fitted: [[Double]], _ newRows: [[Double]]) throws {
        let (scaled, scaler) = try Scaling(method).fitTransform(Self.x)
        Self.expectClose(scaled, fitted)
        Self.expectClose(try scaler.transform(Self.new), newRows)
    }

    @Test func quantileRankMatchesScikitLearnOnDistinctValues() throws {
        let c = FeatureMatrix(columns: [[2.5, 7, 1, 3, 8, 4, 6, 9, 0.5, 5, 10]], names: ["c"])
        let (scaled, scaler) = try Scaling(.quantile).fitTransform(c)
        Self.expectClose(scaled, Self.quantileDistinct)
        Self.expectClose(try scaler.transform(FeatureMatrix(columns: [[0, 2, 7.25, 11]], names: ["c"])), Self.quantileDistinctNew)
    }

    /// Ties share their average rank: (average rank − 1) / (n − 1), at the extremes too.
    @Test func quantileRankAveragesTies() throws {
        let (scaled, _) = try Scaling(.quantile).fitTransform(Self.x)
        // a sorted: 1 1 2 3 3 4 5 5 5 6 9 → 1 has ranks 1,2 (0.05); 3 has 4,5 (0.35); 5 has 7,8,9 (0.7).
        Self.expectClose(scaled, zip(Self.a, Self.b).map { av, bv in
            let ra: [Double: Double] = [1: 0.05, 2: 0.2, 3: 0.35, 4: 0.5, 5: 0.7, 6: 0.9, 9: 1]
            let rb: [Double: Double] = [0: 0, 8: 0.1, 10: 0.2, 12: 0.3, 35: 0.5, 40: 0.7, 90: 0.8, 200: 0.9, 1000: 1]
            return [ra[av] ?? -1, rb[bv] ?? -1]
        })
    }

    @Test func log1pMatchesNumPy() throws {
        let (scaled, _) = try Scaling(.log1p).fitTransform(Self.x)
        Self.expectClose(scaled, Self.log1p)
    }

    @Test func lowerIsBetterFlipsBoundedAndNegatesUnbounded() throws {
        let (mm, _) = try Scaling(.minmax, directions: [.lowerIsBetter, .higherIsBetter]).fitTransform(Self.x)
        Self.expectClose(mm, Self.minmax.map { [1 - $0[0], $0[1]] })
        let (z, _) = try Scaling(.zscore, directions: [.lowerIsBetter, .lowerIsBetter]).fitTransform(Self.x)
        Self.expectClose(z, Self.zscore.map { [-$0[0], -$0[1]] })
    }

    @Test func constantColumnIsRefusedNotNaN() {
        let x = FeatureMatrix(columns: [[1, 2, 3], [4, 4, 4]], names: ["ok", "flat"])
        for method in [ScalingMethod.minmax, .zscore, .robust, .quantile, .log1pZscore] {
            #expect(throws: EngineError.self) { _ = try Scaling(method).fit(x) }
            do { _ = try Scaling(method).fit(x) } catch let e as EngineError {
                #expect(e.message.contains("'flat'") && e.message.contains("divide by zero"), "\(e.message)")
            } catch {}
        }
        // Zero IQR without being constant is refused with the reason, too.
        let spiky = FeatureMatrix(columns: [[1, 1, 1, 1, 1, 9]], names: ["orders"])
        #expect(throws: EngineError.self) { _ = try Scaling(.robust).fit(spiky) }
        let negative = FeatureMatrix(columns: [[-2, 0, 3]], names: ["net"])
        #expect(throws: EngineError.self) { _ = try Scaling(.log1p).fit(negative) }
    }

    @Test func aucMatchesScikitLearnAndLearnedWeightsByHand() throws {
        let labels = Self.y.map { $0 == 1 }
        #expect(abs(BinaryAUC.auc(Self.a, labels: labels) - Self.auc[0]) < 1e-15)
        #expect(abs(BinaryAUC.auc(Self.b, labels: labels) - Self.auc[1]) < 1e-15)
        // By hand: AUC(a) = 4/28 = 1/7, power 5/7; AUC(b) = 3/7, power 1/7; weights 5/6 and 1/6, both "lower is better".
        let r = try ScoringMatrix.learned(Self.x, target: Self.y, scaling: .minmax)
        #expect(r.lines.map(\.direction) == [.lowerIsBetter, .lowerIsBetter])
        #expect(abs(r.lines[0].weight - 5.0 / 6) < 1e-15 && abs(r.lines[1].weight - 1.0 / 6) < 1e-15)
        #expect(abs((r.lines[0].power ?? 0) - 5.0 / 7) < 1e-15)
        for i in 0..<Self.a.count {
            let expected = 5.0 / 6 * (1 - Self.minmax[i][0]) + 1.0 / 6 * (1 - Self.minmax[i][1])
            #expect(abs(r.scores[i] - expected) < 1e-12)
        }
        let shares = r.lines.compactMap(\.share)
        #expect(shares.count == 2 && abs(shares.reduce(0, +) - 1) < 1e-12)
    }

    @Test func manualWeightsAreNormalised() throws {
        let r = try ScoringMatrix.manual(Self.x, criteria: [Criterion(column: "a", direction: .lowerIsBetter, weight: 2),
                                                            Criterion(column: "b", weight: 6)], scaling: .minmax)
        #expect(r.lines.map(\.weight) == [0.25, 0.75])
        #expect(abs(r.scores[5] - (0.25 * 0 + 0.75 * 1)) < 1e-15)
        #expect(r.lines.allSatisfy { $0.auc == nil })
        #expect(throws: EngineError.self) {
            _ = try ScoringMatrix.manual(Self.x, criteria: [Criterion(column: "a", weight: 0), Criterion(column: "b", weight: 0)], scaling: .minmax)
        }
        #expect(throws: EngineError.self) { _ = try ScoringMatrix.learned(Self.x, target: Array(repeating: 1, count: 11), scaling: .minmax) }
    }
}
