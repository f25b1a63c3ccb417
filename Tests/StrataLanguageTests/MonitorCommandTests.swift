import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `monitor` on the bundled weekly KPIs: the planted deviations documented in datasets/README.md
/// are recovered, each by the rule meant for it; bad input leaves the workspace unchanged.
@Suite(.serialized) struct MonitorCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func interpreter() throws -> Interpreter {
        let i = Interpreter(registry: StandardCommands.registry, workspace: Workspace())
        guard case .success = i.execute("load \"\(root)/datasets/kpis.csv\" as kpis") else { throw EngineError("datasets/kpis.csv did not load") }
        return i
    }

    func judged(_ i: Interpreter, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [(segment: String, week: String, flag: String)] {
        guard case .success = i.execute(line) else {
            Issue.record("failed: \(line): \(i.execute(line))", sourceLocation: sourceLocation)
            return []
        }
        let t = try #require(i.workspace.table("kpis_monitor"))
        let segment = try #require(t.column("segment")), period = try #require(t.column("period")), flag = try #require(t.column("flag"))
        return (0..<t.rowCount).compactMap { r in
            flag.isMissing(r) ? nil : (DescribeFormat.plain(segment.value(at: r)), DescribeFormat.plain(period.value(at: r)), DescribeFormat.plain(flag.value(at: r)))
        }
    }

    static let rate = "monitor kpis time=week metric=conversions denominator=visitors by=segment"

    @Test func shewhartFindsTheSpikeAndTheDrop() throws {
        let flags = try judged(try Self.interpreter(), Self.rate)
        #expect(flags.contains { $0 == ("big_spender", "2025-03-17", "up") })
        #expect(flags.contains { $0 == ("bargain_hunter", "2025-09-08", "down") })
        // The small shift in loyal_regular from 2025-06-30 never crosses a 3-sd Shewhart limit.
        #expect(!flags.contains { $0.segment == "loyal_regular" && $0.week >= "2025-06-30" })
    }

    @Test func cusumAndEWMAFindTheSmallPersistentShift() throws {
        let i = try Self.interpreter()
        let cusum = try judged(i, Self.rate + " rule=cusum")
        let shift = cusum.filter { $0.segment == "loyal_regular" }
        #expect(shift.count >= 4 && shift.allSatisfy { $0.flag == "down" && $0.week >= "2025-06-30" })
        #expect(shift.first?.week == "2025-07-14")
        #expect(cusum.contains { $0 == ("bargain_hunter", "2025-09-08", "down") } && cusum.contains { $0 == ("bargain_hunter", "2025-09-15", "down") })
        #expect(cusum.contains { $0 == ("big_spender", "2025-03-17", "up") })
        let ewma = try judged(i, Self.rate + " rule=ewma")
        #expect(ewma.first { $0.segment == "loyal_regular" }?.week == "2025-07-07")
        #expect(ewma.filter { $0.segment == "loyal_regular" }.allSatisfy { $0.flag == "down" })
    }

    @Test func outputHasTableSparklinesAndReading() throws {
        let i = try Self.interpreter()
        guard case .success(let o) = i.execute(Self.rate + " rule=cusum") else { Issue.record("failed"); return }
        let text = OutputRenderer.render(o, style: RenderStyle(width: 200, ascii: true, color: false))
        #expect(text.contains("11 flagged periods (cusum: k = 0.5 sd, h = 5 sd, baseline the first 8 periods)"))
        #expect(text.contains("big_spender: 53 weeks; flagged 2025-03-17 up"))
        #expect(text.contains("loyal_regular: down in the week of 2025-07-14"))
        #expect(text.contains("the run began in the week of"))
        // Replaying the same rule gives the same alerts.
        guard case .success(let again) = i.execute(Self.rate + " rule=cusum") else { Issue.record("failed"); return }
        #expect(OutputRenderer.render(again, style: RenderStyle(width: 200, ascii: true, color: false)) == text)
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let i = try Self.interpreter()
        let before = i.workspace.names
        func failure(_ line: String) -> String {
            guard case .failure(let m) = i.execute(line) else { Issue.record("expected a failure: \(line)"); return "" }
            #expect(i.workspace.names == before)
            return "\(m)"
        }
        #expect(failure("monitor kpis time=segment metric=conversions").contains("time= needs a date or timestamp column"))
        #expect(failure("monitor kpis time=week metric=segment").contains("needs numbers"))
        #expect(failure("monitor kpis time=week metric=conversions every=month window=20").contains("needs at least 21"))
        #expect(failure("monitor kpis time=week metric=conversions rule=cusum lambda=0.3").contains("does not apply"))
        #expect(failure("monitor kpis time=week metric=conversions denominator=visitors stat=mean").contains("stat= does not apply"))
        #expect(failure("monitor kpis metric=conversions").contains("time=COLUMN"))
    }
}
