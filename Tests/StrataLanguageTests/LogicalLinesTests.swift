import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

@Suite struct LogicalLinesTests {
    @Test func plainLinesPassThrough() {
        var lines = LogicalLines()
        #expect(lines.add("quit", number: 1) == "quit")
        #expect(lines.firstLine == 1)
        #expect(lines.isContinuing == false)
    }

    @Test func trailingBackslashJoinsWithOneSpace() {
        var lines = LogicalLines()
        #expect(lines.add("filter tx \\", number: 3) == nil)
        #expect(lines.isContinuing)
        #expect(lines.add("  where amount > 0\\  ", number: 4) == nil)
        #expect(lines.add("as sales", number: 5) == "filter tx where amount > 0 as sales")
        #expect(lines.firstLine == 3)
        #expect(lines.isContinuing == false)
    }

    @Test func backslashInCommentDoesNotContinue() {
        #expect(LogicalLines.continued("filter tx # see C:\\") == nil)
        #expect(LogicalLines.continued("load \"a#b\" \\") == "load \"a#b\"")
    }

    @Test func flushAndDiscard() {
        var lines = LogicalLines()
        _ = lines.add("a \\", number: 1)
        #expect(lines.flush() == "a")
        #expect(lines.flush() == nil)
        _ = lines.add("b \\", number: 2)
        lines.discard()
        #expect(lines.isContinuing == false)
        #expect(lines.add("c", number: 3) == "c")
    }
}
