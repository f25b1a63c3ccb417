import Foundation
import Testing
@testable import StrataEngine

@Suite("Atomic file")
struct AtomicFileTests {
    struct Interrupted: Error {}

    @Test func aProducerThatFailsHalfwayLeavesTheOldFileAndNoLeftovers() throws {
        let directory = try CSVTemporaryDirectory()
        let path = directory.write("out.txt", Array("old\n".utf8))
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: path) { append in
                try append(Array(repeating: UInt8(ascii: "x"), count: 100_000))
                throw Interrupted()
            }
        }
        #expect(FileManager.default.contents(atPath: path) == Data("old\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: path + ".strata-partial"))
    }

    @Test func piecesAreWrittenInOrderAndReplaceTheOldFile() throws {
        let directory = try CSVTemporaryDirectory()
        let path = directory.write("out.txt", Array("old\n".utf8))
        try AtomicFile.write(to: path) { append in
            for piece in ["one ", "two ", "three"] { try append(Array(piece.utf8)) }
        }
        #expect(FileManager.default.contents(atPath: path) == Data("one two three".utf8))
        #expect(!FileManager.default.fileExists(atPath: path + ".strata-partial"))
    }
}
