import Foundation

/// Every file generated for one instrument, by name, before anything is written.
package struct SurveyFiles: Sendable {
    /// File name and content, in the order they are written.
    package var files: [(name: String, bytes: [UInt8])]
    package var version: String
    package var codebook: JSONValue

    /// Renders `instrument` in every format: XLSForm (`.xlsx`, `.xlsform.csv`, `.xlsform.md`),
    /// printable HTML and Markdown per language, the codebook JSON and the empty response CSV
    /// template (`questionnaire_no`, then the codebook's question names); for the university instrument also the training catalog template.
    package init(_ instrument: Instrument, bank: ItemBank) throws(WorkforceError) {
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

    /// Writes every file into `folder`, all or none: the files are written into a temporary
    /// folder beside it and moved in only when every one is written, so a failure (a full disk,
    /// a file in the way) leaves no half questionnaire. Every path stays inside `folder`.
    ///
    /// - Returns: the paths written.
    /// - Throws: ``WorkforceError/cannotCreate(path:reason:)`` saying in words what could not be written.
    package func write(to folderAsGiven: URL) throws(WorkforceError) -> [String] {
        let fm = FileManager.default
        let folder = try OutputPath.folder(folderAsGiven)
        _ = try OutputFolder.existingAncestor(of: folder)
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: folder.path, reason: "the folder cannot be created (\(FileSystemWords.words(error))); choose another --out")
        }
        let staging = OutputFolder.staging(for: folder)
        defer { try? fm.removeItem(at: staging) }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: staging.path, reason: "a temporary folder beside --out cannot be created (\(FileSystemWords.words(error)))")
        }
        for file in files {
            // Names are generated (form ids), never paths: nothing can leave the folder.
            guard !file.name.contains("/"), !file.name.hasPrefix(".") else {
                throw .cannotCreate(path: file.name, reason: "a generated file name is not a plain name")
            }
            let url = staging.appendingPathComponent(file.name)
            do {
                try Data(file.bytes).write(to: url)
            } catch {
                throw .cannotCreate(path: folder.appendingPathComponent(file.name).path, reason: "\(FileSystemWords.words(error)); nothing was written")
            }
        }
        // Nothing may stand in the way of a file (a folder of the same name): checked for all
        // first, so that the moves below, rename(2) on one file system, all succeed.
        for file in files {
            let target = folder.appendingPathComponent(file.name)
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw .cannotCreate(path: target.path, reason: "a folder of that name is in the way; nothing was written")
            }
        }
        var written: [String] = []
        for file in files {
            let target = folder.appendingPathComponent(file.name)
            if rename(staging.appendingPathComponent(file.name).path, target.path) != 0 {
                throw .cannotCreate(
                    path: target.path, reason: "\(String(cString: strerror(errno))); check the folder's permissions or choose another --out")
            }
            written.append(target.path)
        }
        return written
    }
}
