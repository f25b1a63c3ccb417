import Foundation
import Synchronization
import Testing
@testable import strata

@Suite struct ProgressLineTests {
    @Test func knownTotalShowsPercentBarRateAndETA() {
        let line = ProgressLine(label: "load", completed: 25_000_000, total: 100_000_000, unit: "bytes",
                                elapsed: 2, width: 100, ascii: true).text
        #expect(line == "load  25%  [#######-----------------------]  12.5 MB/s  ETA 0:06")
    }

    @Test func unicodeBar() {
        let line = ProgressLine(label: "x", completed: 1, total: 2, unit: "rows", elapsed: 1, width: 40, ascii: false).text
        #expect(line.contains("█"))
        #expect(line.contains("░"))
        #expect(line.count < 40)
    }

    @Test func unknownTotalShowsCountAndRate() {
        let line = ProgressLine(label: "scan", completed: 90_200, total: nil, unit: "rows",
                                elapsed: 2, width: 100, ascii: true).text
        #expect(line == "scan  90.2k rows  45.1k rows/s")
    }

    @Test func narrowTerminalDropsTheBarAndNeverWraps() {
        let line = ProgressLine(label: "a-long-label", completed: 5, total: 10, unit: "rows",
                                elapsed: 1, width: 30, ascii: true).text
        #expect(!line.contains("["))
        #expect(line.count < 30)
    }

    @Test func amounts() {
        #expect(ProgressLine.amount(999, unit: "bytes") == "999 B")
        #expect(ProgressLine.amount(1_500, unit: "bytes") == "1.5 kB")
        #expect(ProgressLine.amount(12_340_000, unit: "bytes") == "12.3 MB")
        #expect(ProgressLine.amount(2_000_000_000, unit: "rows") == "2.0G rows")
        #expect(ProgressLine.amount(12, unit: "") == "12")
        #expect(ProgressLine.amount(999_960, unit: "bytes") == "1.0 MB")
        #expect(ProgressLine.amount(999, unit: "rows") == "999 rows")
    }

    @Test func durations() {
        #expect(ProgressLine.duration(6.2) == "0:07")
        #expect(ProgressLine.duration(750) == "12:30")
        #expect(ProgressLine.duration(3723) == "1:02:03")
        #expect(ProgressLine.duration(.infinity) == "?")
    }

    @Test func commandDurations() {
        #expect(Repl.format(.milliseconds(3)) == "<0.01 s")
        #expect(Repl.format(.milliseconds(120)) == "0.12 s")
        #expect(Repl.format(.milliseconds(2050)) == "2.05 s")
    }
}

@Suite struct TerminalProgressTests {
    final class Recorder: Sendable {
        let writes = Mutex<[String]>([])
        func append(_ s: String) { writes.withLock { $0.append(s) } }
        var all: [String] { writes.withLock { $0 } }
    }

    @Test func quickTasksDrawNothing() {
        let r = Recorder()
        let p = TerminalProgress(ascii: true, width: { 80 }, output: { r.append($0) })
        p.begin("load", total: 10, unit: "rows")
        p.update(5)
        p.update(10)
        p.end()
        #expect(r.all.isEmpty)
    }

    @Test func slowTasksDrawThrottledAndErase() async throws {
        let r = Recorder()
        let p = TerminalProgress(ascii: true, width: { 80 }, output: { r.append($0) })
        p.begin("load", total: 100, unit: "rows")
        try await Task.sleep(for: .milliseconds(300))
        for i in 1...50 { p.update(i) }  // a burst: only the first is drawn
        #expect(r.all.count == 1)
        #expect(r.all.first?.hasPrefix("\rload  1%") == true)
        #expect(r.all.first?.hasSuffix("\u{1B}[K") == true)
        try await Task.sleep(for: .milliseconds(120))
        p.update(60)
        #expect(r.all.count == 2)
        p.end()
        #expect(r.all.last == "\r\u{1B}[K")
        p.end()  // idempotent: the REPL also ends after every command
        #expect(r.all.count == 3)
    }

    @Test func concurrentUpdatesAreSafe() async {
        let r = Recorder()
        let p = TerminalProgress(ascii: true, width: { 80 }, output: { r.append($0) })
        p.begin("work", total: 4000, unit: "rows")
        await withTaskGroup(of: Void.self) { group in
            for w in 0..<4 {
                group.addTask { for i in 0..<1000 { p.update(w * 1000 + i) } }
            }
        }
        p.end()
        #expect(r.all.allSatisfy { $0.hasPrefix("\r") })
    }
}

@Suite struct LiveBoardTests {
    @Test func redrawsInPlaceAtMostFourTimesASecondAndErasesAtTheEnd() {
        let written = Mutex<[String]>([])
        let sink = TerminalProgress(ascii: true, width: { 40 }, output: { s in written.withLock { $0.append(s) } })
        #expect(sink.drawsBoard)
        sink.board(["events 10", "backlog 5"])
        sink.board(["events 20", "backlog 0"])  // within 250 ms: skipped
        sink.end()
        let out = written.withLock { $0 }
        #expect(out == ["\revents 10\u{1B}[K\n\rbacklog 5\u{1B}[K\n", "\u{1B}[2A\r\u{1B}[J"])
    }

    @Test func aSecondDrawMovesUpOverTheFirst() throws {
        let written = Mutex<[String]>([])
        let sink = TerminalProgress(ascii: true, width: { 40 }, output: { s in written.withLock { $0.append(s) } })
        sink.board(["a", "b"])
        Thread.sleep(forTimeInterval: 0.3)
        sink.board(["c"])
        let out = written.withLock { $0 }
        #expect(out.last == "\u{1B}[2A\rc\u{1B}[K\n\u{1B}[J")
    }
}
