import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// The clustering kinds table: every entry becomes a command, the sweep offers the kinds that can
/// be swept, and a kind added as one entry (k-medoids) works through every clustering command.
@Suite struct ClusterKindsTests {
    let commands = SegmentationCommandTests()

    @Test func everyKindIsACommandAndTheSweepReadsTheTable() throws {
        let names = Set(StandardCommands.registry.commands.map(\.name))
        for kind in ClusterKinds.all { #expect(names.contains("cluster \(kind.name)"), "cluster \(kind.name)") }
        #expect(ClusterSweepCommand.sweepable.map(\.name) == ["kmeans", "hierarchical", "kmedoids"])
        #expect(ClusterSweepCommand.kindOptions.map(\.spec.key) == ["n_init", "linkage"])
        #expect(ClusterCommands.kindList == "kmeans, hierarchical, dbscan or kmedoids")
    }

    @Test func kmedoidsFitsAssignsSweepsAndProfiles() throws {
        let i = try SegmentationCommandTests.interpreter()
        let text = commands.run(i, "cluster kmedoids people cols=x,y k=2 as m")
        #expect(text.contains("m: k-medoids, 8 rows × 2 features (zscore), k=2 max_iter=300 scale=zscore, 2 clusters"))
        guard case .object(let o)? = i.workspace["m"], let m = o as? Clustering else { Issue.record("no clustering"); return }
        #expect(m.kindName == "k-medoids clustering" && m.tree == nil)
        #expect(Set(m.labels[0..<4]).count == 1 && Set(m.labels[4..<8]).count == 1 && m.labels[0] != m.labels[4])
        _ = commands.run(i, "assign m people as again")
        let assigned = try #require(i.workspace.table("again")?.column("cluster"))
        #expect((0..<8).map { assigned.value(at: $0) } == m.labels.map { .int(Int64($0)) })
        let sweep = commands.run(i, "cluster sweep kmedoids people cols=x,y k=2..3")
        #expect(sweep.contains("best k by silhouette: 2") && i.workspace.table("people_sweep")?.rowCount == 2)
        _ = commands.run(i, "profile m")
        let noTree = commands.failure(i, "chart dendrogram m")
        #expect(noTree.contains("k-medoids clustering, which has no merge tree"))
        #expect(commands.failure(i, "cluster kmedoids people cols=x,y").contains("cluster kmedoids needs k="))
    }
}
