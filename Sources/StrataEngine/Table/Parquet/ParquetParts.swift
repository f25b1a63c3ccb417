import Foundation

/// The files behind a `load` path: the file itself, or, for a folder as Spark and pyarrow write
/// them, its part files (`*.parquet`, in name order), leaving out `_SUCCESS`, `.crc` checksums
/// and other hidden or bookkeeping files.
public enum ParquetParts {
    public static func files(at path: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ParquetError(file: path, reason: "no such file or folder")
        }
        guard isFolder.boolValue else { return [path] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw ParquetError(file: path, reason: "cannot list the folder")
        }
        let parts = names.filter { name in
            !name.hasPrefix(".") && !name.hasPrefix("_") && name.hasSuffix(".parquet")
        }.sorted()
        guard !parts.isEmpty else {
            let partitioned = names.contains { $0.contains("=") }
            throw ParquetError(
                file: path, reason: "the folder holds no .parquet part files",
                suggestion: partitioned ? "partitioned folders (key=value/) are not read yet; load a part folder directly" : nil)
        }
        let folder = path.hasSuffix("/") ? path : path + "/"
        return parts.map { folder + $0 }
    }

    /// A path ending in .parquet (or .parq), or a folder holding .parquet part files.
    public static func isParquetPath(_ path: String) -> Bool {
        if path.lowercased().hasSuffix(".parquet") || path.lowercased().hasSuffix(".parq") { return true }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return names.contains { $0.hasSuffix(".parquet") && !$0.hasPrefix(".") && !$0.hasPrefix("_") }
    }
}
