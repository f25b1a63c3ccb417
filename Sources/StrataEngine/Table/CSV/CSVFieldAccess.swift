extension CSVChunkStream.Chunk {
    /// Field `index` (record-major) as raw bytes: the content inside the quotes, with any `""`
    /// still doubled (see `hasDoubledQuotes`).
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(fieldStarts[index])
        let end = Int(fieldEnds[index] & ~CSVChunkTokens.doubledQuoteFlag)
        guard let base = bytes.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    @inline(__always)
    func hasDoubledQuotes(_ index: Int) -> Bool {
        fieldEnds[index] & CSVChunkTokens.doubledQuoteFlag != 0
    }

    /// Field `index` with `""` turned into `"`, written to `scratch` when that changes anything.
    func unescapedField(_ index: Int, scratch: inout [UInt8]) -> [UInt8] {
        let raw = field(index)
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        while i < raw.count {
            scratch.append(raw[i])
            i += raw[i] == CSVByte.quote && i + 1 < raw.count && raw[i + 1] == CSVByte.quote ? 2 : 1
        }
        return scratch
    }

    /// A field as text for messages and header names; invalid UTF-8 becomes U+FFFD.
    func text(_ index: Int) -> String {
        if hasDoubledQuotes(index) {
            var scratch: [UInt8] = []
            return String(decoding: unescapedField(index, scratch: &scratch), as: UTF8.self)
        }
        return String(decoding: field(index), as: UTF8.self)
    }

    /// A field shortened for an error message.
    func quotedForMessage(_ index: Int) -> String {
        let full = text(index)
        let limit = 40
        return full.count > limit ? "'\(full.prefix(limit))…'" : "'\(full)'"
    }
}
