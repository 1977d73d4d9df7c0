import Foundation
import PackagePlugin

/// Records the git revision the tool is built from, for `workforce --version`.
///
/// Before each build of the target it runs `scripts/git-revision.sh`, which writes
/// `GitRevision.swift` (`let buildRevision = "<commit>"`, with `-modified` when tracked files
/// differ from it) into the plugin's work folder, rewriting it only when the revision changed.
/// It needs only `git` on the machine, no network; outside a git checkout (a source archive) the
/// revision is the `REVISION` file at the top of the package if there is one, else "unknown".
@main struct GitRevision: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("generated")
        let package = context.package.directoryURL
        return [
            .prebuildCommand(
                displayName: "Recording the git revision of \(package.lastPathComponent)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [package.appendingPathComponent("scripts/git-revision.sh").path, package.path, output.path],
                outputFilesDirectory: output)
        ]
    }
}
