import Foundation

/// Finds the data folders shipped with the tool (`Frameworks/`, `Surveys/`).
///
/// SwiftPM resources must live inside a target, but the product contract keeps the data at
/// the top of the repository where people read and review it. So the tool looks, in order, in
/// `$WORKFORCE_HOME`, then in `../share/workforce` beside the running executable (where
/// `scripts/install.sh` puts it: `PREFIX/bin/workforce` reads `PREFIX/share/workforce/`), then
/// in each folder above the executable (`.build/debug/workforce` finds the checkout it was built
/// from), then, in a debug build only, in the checkout this file was compiled in (a release
/// binary never reaches back into the folder it was built in).
package enum BundledData {
    /// The top folder holding `Frameworks/`.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` when no candidate holds the data.
    package static func home(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(WorkforceError) -> URL
    {
        for candidate in candidates(environment: environment) where isHome(candidate) {
            return candidate
        }
        throw .noInput(
            path: "Frameworks/", reason: "the bundled data folder was not found; set WORKFORCE_HOME to the workforce checkout")
    }

    /// The bundled framework folders under `Frameworks/`, each with its name (as its
    /// `framework.json` names it, else the folder's own name), in folder order.
    package static func frameworks(environment: [String: String] = ProcessInfo.processInfo.environment) -> [(name: String, folder: URL)] {
        guard let home = try? home(environment: environment) else { return [] }
        let frameworks = home.appendingPathComponent("Frameworks")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: frameworks.path)) ?? []
        return folders.sorted().compactMap { folder in
            let url = frameworks.appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            let manifest = url.appendingPathComponent("framework.json")
            guard FileManager.default.fileExists(atPath: manifest.path) else { return nil }  // cprt/ holds files to import
            let name = (try? FileInput.readJSON(manifest, name: manifest.path))?["name"]?.string ?? folder
            return (name, url)
        }
    }

    /// The bundled folder of the framework called `name` (or named so), or `nil`.
    package static func frameworkFolder(named name: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> URL?
    {
        frameworks(environment: environment).first { $0.name == name || $0.folder.lastPathComponent == name }?.folder
    }

    /// The bundled copy of an input file named on the command line, for a relative path under
    /// `Surveys/` or `Frameworks/` that is not in the current folder but is in ``home(environment:)``:
    /// so that the README's `workforce import awareness Surveys/demo/awareness-baseline.csv` works
    /// with the installed binary from any folder (it reads `PREFIX/share/workforce/Surveys/demo/...`).
    /// `nil` for any other path, or when the file is in the current folder or nowhere.
    package static func copy(of path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        guard !path.hasPrefix("/"), path.hasPrefix("Surveys/") || path.hasPrefix("Frameworks/"),
            !path.split(separator: "/").contains(".."), !FileManager.default.fileExists(atPath: path),
            let home = try? home(environment: environment)
        else { return nil }
        let url = home.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        // In the checkout the two are the same file: nothing to say.
        return url.standardizedFileURL.path == URL(fileURLWithPath: path).standardizedFileURL.path ? nil : url
    }

    private static func isHome(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("Frameworks/nice-2017/ksa.csv").path)
    }

    private static func candidates(environment: [String: String]) -> [URL] {
        var result: [URL] = []
        if let home = environment["WORKFORCE_HOME"], !home.isEmpty { result.append(URL(fileURLWithPath: home)) }
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? ".")
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        result.append(folder.deletingLastPathComponent().appendingPathComponent("share/workforce"))
        for _ in 0..<6 {
            result.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        #if DEBUG
            // Sources/Formats/Support/BundledData.swift -> the checkout.
            var source = URL(fileURLWithPath: #filePath)
            for _ in 0..<4 { source = source.deletingLastPathComponent() }
            result.append(source)
        #endif
        return result
    }
}
