import Testing
@testable import StrataEngine

/// The incremental item-kNN's dense and sparse forms, and the switch between them, against the
/// batch model and against each other event by event.
@Suite struct ItemKNNStorageTests {
    static func batchModel(_ events: [StreamInteraction], neighbors: Int) throws -> ItemKNN {
        var o = NeighborhoodOptions()
        o.neighbors = neighbors
        o.savedNeighbors = 0
        return try ItemKNN.fit(IncrementalRecommenderTests.batch(events), options: o, context: .quiet)
    }

    @Test(arguments: [0, 16, 2_048])
    func everyFormFedAllEventsEqualsBatchItemKNN(denseItems: Int) throws {
        let events = IncrementalRecommenderTests.stream()
        let model = try IncrementalItemKNN(neighbors: 5, denseItems: denseItems).updated(with: events, context: .quiet)
        // 40 items: dense only when the limit holds them all; 16 starts dense and moves to pairs.
        #expect(model.isDense == (denseItems >= 40))
        let batch = try Self.batchModel(events, neighbors: 5)
        IncrementalRecommenderTests().expectSameLists(model, batch, count: 10)
        for p in batch.similar.range(of: 3) {
            #expect(model.similarity(3, Int(batch.similar.neighbors[p])) == Double(batch.similar.similarities[p]))
        }
        #expect(model.similarity(3, 3) == 0)
        #expect(model.similarity(3, 400) == 0)
    }

    /// Prequentially (lists for users in arrival order, between updates) the dense form, with its
    /// bound-pruned top-k cut, gives exactly the sparse form's lists.
    @Test func denseAndSparseGiveTheSameListsEventByEvent() throws {
        let events = IncrementalRecommenderTests.stream(seed: 5)
        var dense = IncrementalItemKNN(neighbors: 4)
        var sparse = IncrementalItemKNN(neighbors: 4, denseItems: 0)
        var history = InteractionHistory()
        var s1 = StreamScratch(), s2 = StreamScratch()
        var compared = 0, cut = 0
        for e in events {
            let seen = history.items(of: Int(e.user))
            if !seen.isEmpty {
                let a = dense.recommend(user: Int(e.user), count: 5, seen: seen, scratch: &s1)
                let b = sparse.recommend(user: Int(e.user), count: 5, seen: seen, scratch: &s2)
                #expect(a == b, "event \(compared)")
                compared += 1
                if seen.count > 4 { cut += 1 }
            }
            try dense.learn(e, context: .quiet)
            try sparse.learn(e, context: .quiet)
            history.record(user: e.user, item: e.item)
        }
        #expect(compared > 1_000)
        #expect(cut > 500)
        #expect(dense.pairCount == sparse.pairCount)
        #expect(dense.isDense && !sparse.isDense)
    }

    /// Hand-computed: users 0 and 1 both take items 0 and 1, user 1 also item 2.
    /// n = (2, 2, 1); c01 = 2, c02 = c12 = 1; sim01 = 2/(√2·√2) = 1, sim02 = sim12 = 1/√2.
    @Test func tinyStreamSimilaritiesAndList() throws {
        let events = [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2)].enumerated().map {
            StreamInteraction(user: Int32($0.element.0), item: Int32($0.element.1), time: Int64($0.offset))
        }
        for limit in [0, 2_048] {
            let m = try IncrementalItemKNN(neighbors: 20, denseItems: limit).updated(with: events, context: .quiet)
            #expect(m.similarity(0, 1) == 1)
            #expect(m.similarity(2, 1) == Double(Float(1 / 2.0.squareRoot())))
            var s = StreamScratch()
            // User 0 (items 0, 1): item 2 scores sim02 + sim12.
            let list = m.recommend(user: 0, count: 3, seen: [0, 1], scratch: &s)
            #expect(list == [Recommendation(item: 2, score: 2 * Double(Float(1 / 2.0.squareRoot())))])
            #expect(m.pairCount == 6)
        }
    }
}
