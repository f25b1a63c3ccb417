import CSnappy
import CZlib
import CZstd

/// Page compression through the system's libsnappy, libzstd, zlib and liblz4 (`ParquetLZ4`). Decompression always
/// produces exactly the size the page header states, into a buffer of that size: a page that
/// inflates to more or less is corrupt.
enum ParquetCompression {
    /// Largest uncompressed page accepted; pyarrow and Spark write pages of about 1 MB.
    static let maxPageBytes = 1 << 30

    /// Calls `body` with `input` uncompressed: `input` itself when it is stored uncompressed, else
    /// exactly the size its header states, in `buffer` for Snappy and LZ4 (reused page after page)
    /// or in a buffer of its own for ZSTD and GZIP (grown as they really inflate).
    static func decompress<R>(
        _ input: UnsafeBufferPointer<UInt8>, codec: ParquetCodec, uncompressedSize: Int, buffer: ParquetPageBuffer,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) throws -> R {
        guard uncompressedSize >= 0, uncompressedSize <= maxPageBytes else {
            throw ParquetError.Corrupt("a page claims \(uncompressedSize) bytes uncompressed")
        }
        switch codec {
        case .uncompressed:
            guard input.count == uncompressedSize else {
                throw ParquetError.Corrupt("an uncompressed page holds \(input.count) bytes, its header says \(uncompressedSize)")
            }
            return try body(input)
        case .snappy: return try body(try snappy(input, size: uncompressedSize, buffer: buffer))
        case .lz4Raw: return try body(try ParquetLZ4.raw(input, size: uncompressedSize, buffer: buffer))
        case .lz4: return try body(try ParquetLZ4.hadoop(input, size: uncompressedSize, buffer: buffer))
        case .zstd: return try zstd(input, size: uncompressedSize).withUnsafeBufferPointer(body)
        case .gzip: return try gzip(input, size: uncompressedSize).withUnsafeBufferPointer(body)
        case .lzo, .brotli:
            throw ParquetError.Corrupt("pages are compressed with \(codec.name), which Strata does not read")
        }
    }

    /// `input` uncompressed, as an array of its own.
    static func decompress(_ input: UnsafeBufferPointer<UInt8>, codec: ParquetCodec, uncompressedSize: Int) throws -> [UInt8] {
        try decompress(input, codec: codec, uncompressedSize: uncompressedSize, buffer: ParquetPageBuffer()) { Array($0) }
    }

    /// Snappy emits at most 64 bytes per 3-byte copy, so no real page inflates by more than this.
    static let snappyMaxRatio = 22

    /// The page inflated into `buffer`; the stated size is checked against what Snappy can
    /// produce from the input before any memory is taken.
    private static func snappy(_ input: UnsafeBufferPointer<UInt8>, size: Int, buffer: ParquetPageBuffer) throws -> UnsafeBufferPointer<UInt8> {
        guard let source = input.baseAddress else {
            if size == 0 { return UnsafeBufferPointer(start: nil, count: 0) }
            throw ParquetError.Corrupt("an empty Snappy page claims \(size) bytes")
        }
        guard size <= input.count * snappyMaxRatio + 64 else {
            throw ParquetError.Corrupt("a Snappy page of \(input.count) bytes claims \(size) bytes uncompressed, more than Snappy can produce")
        }
        var stated = 0
        let raw = UnsafeRawPointer(source).assumingMemoryBound(to: CChar.self)
        guard snappy_uncompressed_length(raw, input.count, &stated) == SNAPPY_OK, stated == size else {
            throw ParquetError.Corrupt("a Snappy page does not decompress to the \(size) bytes its header states")
        }
        let output = buffer.bytes(size)
        guard let target = output.baseAddress else { return UnsafeBufferPointer(output) }
        var produced = size
        let status = snappy_uncompress(raw, input.count, UnsafeMutableRawPointer(target).assumingMemoryBound(to: CChar.self), &produced)
        // Only a complete, successful inflation writes every byte of `output`; anything else is refused.
        guard status == SNAPPY_OK, produced == size else { throw ParquetError.Corrupt("a Snappy page is corrupt") }
        return UnsafeBufferPointer(output)
    }

    /// Output grows by at most this much at a time, so a page that only claims to be large
    /// costs memory only for what it really inflates to.
    private static let step = 1 << 20

    private static func zstd(_ input: UnsafeBufferPointer<UInt8>, size: Int) throws -> [UInt8] {
        guard let stream = ZSTD_createDStream() else { throw ParquetError.Corrupt("zstd could not start") }
        defer { ZSTD_freeDStream(stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(size, step))
        var scratch = [UInt8](repeating: 0, count: min(max(size, 1), step))
        var inBuffer = ZSTD_inBuffer(src: UnsafeRawPointer(input.baseAddress), size: input.count, pos: 0)
        var complete = false
        while true {
            let consumedBefore = inBuffer.pos
            let (result, produced) = scratch.withUnsafeMutableBytes { out -> (Int, Int) in
                var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
                let r = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
                return (r, outBuffer.pos)
            }
            guard ZSTD_isError(result) == 0 else {
                throw ParquetError.Corrupt("a ZSTD page is corrupt: " + String(cString: ZSTD_getErrorName(result)))
            }
            guard produced <= size - output.count else {
                throw ParquetError.Corrupt("a ZSTD page inflates to more than the \(size) bytes its header states")
            }
            output.append(contentsOf: scratch[0..<produced])
            // 0: a frame ended and everything it held was written out.
            if result == 0 && inBuffer.pos >= inBuffer.size {
                complete = true
                break
            }
            if produced == 0 && inBuffer.pos == consumedBefore { break }
        }
        guard complete, output.count == size else {
            throw ParquetError.Corrupt("a ZSTD page does not decompress to the \(size) bytes its header states")
        }
        return output
    }

    private static func gzip(_ input: UnsafeBufferPointer<UInt8>, size: Int) throws -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: a zlib or gzip header, detected.
        guard strata_inflate_init2(&stream, 15 + 32) == Z_OK else { throw ParquetError.Corrupt("zlib could not start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(size, step))
        var scratch = [UInt8](repeating: 0, count: min(max(size, 1), step))
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = uInt(input.count)
        var status: Int32 = Z_OK
        while true {
            let inputBefore = stream.avail_in
            let produced = scratch.withUnsafeMutableBytes { out -> Int in
                stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(out.count)
                status = inflate(&stream, Z_NO_FLUSH)
                return out.count - Int(stream.avail_out)
            }
            guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && produced == 0) else {
                throw ParquetError.Corrupt("a GZIP page is corrupt (zlib status \(status))")
            }
            guard produced <= size - output.count else {
                throw ParquetError.Corrupt("a GZIP page inflates to more than the \(size) bytes its header states")
            }
            output.append(contentsOf: scratch[0..<produced])
            if status == Z_STREAM_END {
                // Several gzip members may follow each other; each is inflated in turn.
                guard stream.avail_in > 0, inflateReset(&stream) == Z_OK else { break }
            } else if produced == 0 && stream.avail_in == inputBefore {
                break
            }
        }
        guard output.count == size, status == Z_STREAM_END || size == 0 else {
            throw ParquetError.Corrupt("a GZIP page does not decompress to the \(size) bytes its header states")
        }
        return output
    }

    /// Snappy-compressed `input` (the writer's codec).
    static func snappyCompress(_ input: [UInt8]) throws -> [UInt8] {
        let bound = snappy_max_compressed_length(input.count)
        var output = [UInt8](repeating: 0, count: bound)
        var length = bound
        // An empty page still needs a valid source pointer.
        let source = input.isEmpty ? [0] : input
        let status = source.withUnsafeBytes { raw in
            output.withUnsafeMutableBytes { target in
                snappy_compress(raw.baseAddress?.assumingMemoryBound(to: CChar.self), input.count,
                                target.baseAddress?.assumingMemoryBound(to: CChar.self), &length)
            }
        }
        guard status == SNAPPY_OK else { throw EngineError("Snappy could not compress a page of \(input.count) bytes") }
        output.removeSubrange(length...)
        return output
    }
}
