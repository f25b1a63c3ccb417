import Foundation
import Testing
@testable import StrataEngine

/// Strata's models against the peers on the same split (Fixtures/recalgo_synth25k_*, produced by
/// Tests/fixtures-src/recalgo_synth_split.sh: gen_ratings.py 400 users × 800 items, bench_recsys.py's
/// seeded per-user 80/20 split; Surprise SVD defaults, LensKit ItemKNN(k=20, implicit), implicit ALS
/// (64 factors, 15 iterations, reg 0.01, alpha 1)). P@10 = hits / 10 over test users, top-10 from
/// training items not seen by the user.
@Suite struct RecAlgoReferenceTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    struct Split {
        let train: Interactions
        let test: [(user: Int, item: Int?, rating: Double)]
    }

    static let split: Split? = {
        guard let text = try? String(contentsOf: fixtures.appendingPathComponent("recalgo_synth25k_split.csv"), encoding: .utf8) else { return nil }
        var train: [(Int, Int, Float)] = [], testRows: [(Int, Int, Double)] = []
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").compactMap { Int($0) }
            guard f.count == 4 else { continue }
            if f[3] == 0 { train.append((f[0], f[1], Float(f[2]))) } else { testRows.append((f[0], f[1], Double(f[2]))) }
        }
        // Dense indices in sorted id order, as Interactions.build numbers them.
        let users = Array(Set(train.map(\.0))).sorted(), items = Array(Set(train.map(\.1))).sorted()
        var userIndex: [Int: Int] = [:], itemIndex: [Int: Int] = [:]
        for (k, u) in users.enumerated() { userIndex[u] = k }
        for (k, i) in items.enumerated() { itemIndex[i] = k }
        let dense = RecAlgoData.interactions(users: users.count, items: items.count,
                                             train.map { (userIndex[$0.0]!, itemIndex[$0.1]!, $0.2) })
        let data = Interactions(userIds: users.map(String.init), itemIds: items.map(String.init), byUser: dense.byUser,
                                kind: .explicit(scale: 1...5))
        return Split(train: data, test: testRows.compactMap { r in userIndex[r.0].map { ($0, itemIndex[r.1], r.2) } })
    }()

    static let peers: [String: [String: Double]] = {
        guard let data = try? Data(contentsOf: fixtures.appendingPathComponent("recalgo_synth25k_peers.json")),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Double]] else { return [:] }
        return json
    }()

    func precisionAt10(_ model: any Recommender, _ split: Split) throws -> Double {
        var relevant: [Int: Set<Int>] = [:]
        for t in split.test { relevant[t.user, default: []].formUnion(t.item.map { [$0] } ?? []) }
        let users = Set(split.test.map(\.user)).sorted()
        let lists = try BatchRecommendation.recommend(model, users: users, count: 10, excludeSeen: true, context: .quiet)
        let hits = zip(users, lists).reduce(0) { total, pair in
            total + pair.1.filter { relevant[pair.0]?.contains($0.item) == true }.count
        }
        return Double(hits) / Double(10 * users.count)
    }

    @Test func mfRMSEIsNoWorseThanSurpriseSVD() throws {
        let split = try #require(Self.split)
        let surprise = try #require(Self.peers["surprise-svd"]?["rmse"])
        let model = try BiasedMF.fit(split.train, options: BiasedMFOptions(seed: 42), context: .quiet)
        let squared = split.test.reduce(0.0) { sum, t in
            let p = t.item.flatMap { model.predictRating(user: t.user, item: $0) } ?? model.predictRating(user: t.user, item: -1) ?? 0
            return sum + (t.rating - p) * (t.rating - p)
        }
        let rmse = (squared / Double(split.test.count)).squareRoot()
        #expect(rmse <= surprise, "Strata MF RMSE \(rmse) vs Surprise SVD \(surprise)")
    }

    @Test func itemKNNPrecisionIsAtLeastLensKits() throws {
        let split = try #require(Self.split)
        let lenskit = try #require(Self.peers["lk-iknn-implicit"]?["P"])
        let model = try ItemKNN.fit(split.train, options: NeighborhoodOptions(), context: .quiet)
        let p = try precisionAt10(model, split)
        #expect(p >= lenskit - 1e-9, "Strata item-kNN P@10 \(p) vs LensKit \(lenskit)")
        // Keeping every neighbour reproduces LensKit's implicit item-kNN exactly.
        var all = NeighborhoodOptions()
        all.savedNeighbors = 0
        let exact = try precisionAt10(try ItemKNN.fit(split.train, options: all, context: .quiet), split)
        #expect(abs(exact - lenskit) < 1e-9, "all neighbours: \(exact) vs LensKit \(lenskit)")
    }

    @Test func alsPrecisionIsAtLeastImplicits() throws {
        let split = try #require(Self.split)
        let implicit = try #require(Self.peers["implicit-als"]?["P"])
        let model = try ImplicitALS.fit(split.train, options: ImplicitALSOptions(seed: 42), context: .quiet)
        let p = try precisionAt10(model, split)
        #expect(p >= implicit, "Strata ALS P@10 \(p) vs implicit \(implicit)")
    }
}
