import Foundation

extension FileInput {
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
