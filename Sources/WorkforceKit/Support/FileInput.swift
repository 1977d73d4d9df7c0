import Foundation

/// Reading whole input files with errors a person can act on.
public enum FileInput {
    /// The bytes of the file at `url`.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` when it is missing or unreadable.
    public static func readBytes(_ url: URL, name: String) throws(WorkforceError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .noInput(path: name, reason: "no such file; check the path")
        }
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            throw .noInput(path: name, reason: "cannot be read (\(error.localizedDescription))")
        }
    }

    /// The URL of an input file named on the command line, once it is known to be a readable
    /// regular file.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` for an empty path; ``WorkforceError/noInput(path:reason:)``
    ///   for a missing file, a folder or a special file.
    public static func existing(_ path: String) throws(WorkforceError) -> URL {
        guard !path.isEmpty else { throw .usage("an empty file name was given") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .noInput(path: path, reason: "no such file; check the path")
        }
        guard !isDirectory.boolValue else { throw .noInput(path: path, reason: "is a folder, not a file") }
        return URL(fileURLWithPath: path)
    }

    /// The file at `url` parsed as JSON.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` or, for malformed JSON,
    ///   ``WorkforceError/badData(_:_:)`` with the line and column.
    package static func readJSON(_ url: URL, name: String) throws(WorkforceError) -> JSONValue {
        let bytes = try readBytes(url, name: name)
        do {
            return try JSONParser.parse(bytes, name: name)
        } catch {
            throw .badData(error.location, "malformed JSON: \(error.message)")
        }
    }
}
