import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Options read through their typed declarations: defaults that depend on other options, and
/// pairs of options that exclude each other, behave as they did when read by string key.
@Suite struct TypedOptionReadTests {
    static func interpreter() throws -> Interpreter {
        var ws = Workspace()
        ws.bind("c", table: try Table(columns: [
            Column(name: "segment", data: .string(codes: [0, 1, 1, 2, 2, 2], dictionary: ["gold", "silver", "bronze"])),
            Column(name: "spend", data: .float([50, 1, 2, 3, 4, 5])),
            Column(name: "score", data: .float([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])),
        ]))
        return Interpreter(registry: StandardCommands.registry, workspace: ws)
    }

    func render(_ i: Interpreter, _ line: String) -> String {
        if case .success(let o) = i.execute(line) { return OutputRenderer.render(o, style: .batch) }
        Issue.record("failed: \(line)")
        return ""
    }

    func failure(_ i: Interpreter, _ line: String) -> String {
        if case .failure(let m) = i.execute(line) { return m }
        Issue.record("expected a failure: \(line)")
        return ""
    }

    @Test func everyCommandDeclaresEachOptionKeyOnce() {
        for spec in StandardCommands.registry.commands {
            let keys = spec.options.map(\.key)
            #expect(Set(keys).count == keys.count, "\(spec.name) declares an option twice: \(keys)")
        }
    }

    @Test func barOrderDefaultsToCountsWithoutYAndToFirstSeenWithY() throws {
        let i = try Self.interpreter()
        let counted = render(i, "chart bar c x=segment width=40").split(separator: "\n").dropFirst(2).map { $0.prefix(6) }
        #expect(counted == ["bronze", "silver", "gold  "])
        let summed = render(i, "chart bar c x=segment y=spend width=40").split(separator: "\n").dropFirst(2).map { $0.prefix(6) }
        #expect(summed.prefix(3) == ["gold  ", "silver", "bronze"])
        let sorted = render(i, "chart bar c x=segment y=spend sort=value width=40").split(separator: "\n").dropFirst(2).map { $0.prefix(6) }
        #expect(sorted.prefix(3) == ["gold  ", "bronze", "silver"])
    }

    @Test func heatmapAggregatesCountWithoutValueAndMeanWithIt() throws {
        let i = try Self.interpreter()
        #expect(render(i, "chart heatmap c rows=segment cols=segment width=60").contains("rows by segment × segment"))
        #expect(render(i, "chart heatmap c rows=segment cols=segment value=spend width=60").contains("mean(spend) by segment × segment"))
        #expect(failure(i, "chart heatmap c rows=segment cols=segment agg=mean").contains("agg=mean needs value=COLUMN"))
    }

    @Test func exclusiveOptionsAreRefusedTogether() throws {
        let i = try Self.interpreter()
        #expect(failure(i, "sample c n=2 fraction=0.5").contains("give n= or fraction=, not both"))
        #expect(failure(i, "segment c by score tiers=2 thresholds=0.3").contains("give tiers= or thresholds=, not both"))
        #expect(failure(i, "segment c by score").contains("segment needs tiers=N or thresholds="))
    }

    @Test func settingsAreChangedByName() throws {
        let i = try Self.interpreter()
        #expect(render(i, "set rows 3").contains("rows = 3"))
        #expect(i.workspace.settings.maxRows == 3)
        #expect(failure(i, "set colour on").contains("'colour' is not one of seed, ascii, rows"))
    }
}
