import Testing
@testable import StrataEngine

@Suite struct KDistanceTests {
    @Test(arguments: HierDBFixture.names)
    func distancesEqualScikitLearnKNeighbors(dataset: String) throws {
        let fixture = try #require(HierDBFixture.all[dataset])
        let curve = try KDistance.curve(fixture.matrix, k: fixture.kdistance.k, context: .quiet)
        #expect(curve.distances.count == fixture.kdistance.distances.count)
        for (ours, theirs) in zip(curve.distances, fixture.kdistance.distances) {
            #expect(relativelyClose(ours, theirs, tolerance: 1e-12), "\(ours) vs \(theirs)")
        }
        #expect(curve.suggestedEps == curve.distances[curve.kneeIndex])
    }

    @Test func kneeIsThePointFarthestBelowTheChord() {
        // Flat, then a sharp rise: the knee is the last flat point.
        #expect(KDistance.kneeIndex([1, 1.1, 1.2, 1.3, 1.4, 5, 10]) == 4)
        #expect(KDistance.kneeIndex([0, 1, 2, 3]) == 0)
        #expect(KDistance.kneeIndex([2, 2, 2]) == 0)
    }

    @Test func handComputedCurve() throws {
        // Second-nearest other point on a line 0, 1, 3, 7: 3, 2, 3, 6.
        let curve = try KDistance.curve(oneColumn([0, 1, 3, 7]), k: 2, context: .quiet)
        #expect(curve.distances == [2, 3, 3, 6])
        #expect(curve.k == 2)
    }

    @Test func zeroKneeFallsBackToSmallestPositiveDistance() throws {
        let curve = try KDistance.curve(oneColumn([0, 0, 0, 0, 0, 0, 5]), k: 1, context: .quiet)
        #expect(curve.suggestedEps == 5)
        #expect(throws: EngineError.self) { try KDistance.curve(oneColumn([1, 1, 1]), k: 2, context: .quiet) }
    }

    @Test func badKIsRefused() {
        let x = oneColumn([0, 1, 2])
        #expect(throws: EngineError.self) { try KDistance.curve(x, k: 0, context: .quiet) }
        #expect(throws: EngineError.self) { try KDistance.curve(x, k: 3, context: .quiet) }
        #expect(throws: EngineError.self) { try KDistance.curve(oneColumn([1]), k: 1, context: .quiet) }
    }
}
