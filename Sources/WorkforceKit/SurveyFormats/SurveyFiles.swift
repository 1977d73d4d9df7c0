import Foundation

/// Every file generated for one instrument, by name, before anything is written.
public struct SurveyFiles: Sendable {
    /// File name and content, in the order they are written.
    public var files: [(name: String, bytes: [UInt8])]
    public var version: String
    package var codebook: JSONValue

    /// Renders `instrument` in every format: XLSForm (`.xlsx`, `.xlsform.csv`, `.xlsform.md`),
    /// printable HTML and Markdown per language, the codebook JSON and the empty response CSV
    /// template (`questionnaire_no`, then the codebook's question names); for the university instrument also the training catalog template.
    public init(_ instrument: Instrument, bank: ItemBank) throws(WorkforceError) {
        let codebook = Codebook.json(instrument)
        let version = codebook["version"]?.string ?? ""
        let id = instrument.formID
        let sheets = XLSForm.sheets(instrument, version: version)
        var files: [(name: String, bytes: [UInt8])] = [
            ("\(id).xlsx", XLSXWriter.workbook(sheets)),
            ("\(id).xlsform.csv", Array(XLSForm.csv(sheets).utf8)),
            ("\(id).xlsform.md", Array(XLSForm.markdown(sheets).utf8)),
            ("\(id).codebook.json", Array((JSONWriter().string(codebook) + "\n").utf8)),
        ]
        for language in instrument.languages {
            files.append(("\(id).\(language.code).html", Array(PrintableHTML.page(instrument, language: language.code, version: version).utf8)))
            files.append(("\(id).\(language.code).md", Array(QuestionnaireMarkdown.document(instrument, language: language.code, version: version).utf8)))
        }
        let columns = instrument.questions.filter { $0.type != .note }.map(\.name)
        // The questionnaire number first: on paper it identifies the response.
        files.append(("\(id).responses.csv", Array(CSVWriter().record([ColumnPlan.questionnaireNumber] + columns).utf8)))
        if instrument.kind == .university {
            let catalog = try CatalogTemplate(bank: bank)
            files.append(("catalog_template.csv", Array(catalog.csv.utf8)))
            let catalogCodebook = catalog.codebook(framework: instrument.framework, languages: instrument.languages)
            files.append(("catalog.codebook.json", Array((JSONWriter().string(catalogCodebook) + "\n").utf8)))
        }
        self.files = files
        self.version = version
        self.codebook = codebook
    }

    /// Writes every file into `folder`, creating it; each file is replaced atomically.
    ///
    /// - Returns: the paths written.
    /// - Throws: ``WorkforceError/cannotCreate(path:reason:)`` when the folder or a file cannot be written.
    public func write(to folder: URL) throws(WorkforceError) -> [String] {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: folder.path, reason: "the folder cannot be created (\(error.localizedDescription)); choose another --out")
        }
        var written: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            do {
                try Data(file.bytes).write(to: url, options: .atomic)
            } catch {
                throw .cannotCreate(path: url.path, reason: "\(error.localizedDescription); check the folder's permissions or choose another --out")
            }
            written.append(url.path)
        }
        return written
    }
}
