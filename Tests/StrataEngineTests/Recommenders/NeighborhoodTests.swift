import Foundation
import Testing
@testable import StrataEngine

/// Item-kNN and user-kNN are one `Neighborhood` over the two orientations of the matrix.
@Suite struct NeighborhoodTests {
    @Test func itemKNNIsUserKNNOnTheTranspose() throws {
        let data = RecAlgoData.small
        let byItem = data.byItem
        let transposed = Interactions(userIds: data.itemIds, itemIds: data.userIds, byUser: byItem, kind: data.kind)
        for centered in [false, true] {
            var options = NeighborhoodOptions()
            options.similarity = .pearson
            options.meanCentered = centered
            options.neighbors = 2
            let items = try ItemKNN.fit(data, options: options, context: RunContext())
            let users = try UserKNN.fit(transposed, options: options, context: RunContext())
            #expect(items.neighborhood.orientation == .items && users.neighborhood.orientation == .users)
            #expect(items.similar.neighbors == users.similar.neighbors && items.similar.similarities == users.similar.similarities)
            for u in 0..<data.userCount {
                for i in 0..<data.itemCount {
                    #expect(items.predictRating(user: u, item: i) == users.predictRating(user: i, item: u))
                    #expect(items.explain(user: u, item: i).reasons.map { $0.text(ids: data) }
                        .map { $0.replacingOccurrences(of: "similar to ", with: "") }
                        == users.explain(user: i, item: u).reasons.map { $0.text(ids: transposed) }
                        .map { $0.replacingOccurrences(of: "similar user ", with: "").replacingOccurrences(of: "rated it", with: "rated") })
                }
            }
        }
    }
}
