import Foundation
import LiftoffModel

/// Where a build publishes: `--output` with a symbolic link resolved, refused where publishing
/// would feed the output back into the site or replace the site's own sources.
public enum OutputLocation {
    /// The real folder to publish into. A link (`out -> deploy-real`) is followed, so the site
    /// is swapped in beside the folder it names and the link stays a link.
    /// - Throws: for a dangling link, an output inside `content/` or `theme/`, or one that
    ///   holds the site root.
    public static func resolve(_ output: URL, root: URL) throws(BuildFailure) -> URL {
        let output = output.standardizedFileURL
        var info = stat()
        var resolved: String
        if lstat(output.path, &info) == 0 {
            guard let real = FileTree.realPath(output.path) else {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: output.path)) ?? "?"
                throw BuildFailure(.error(output.path, 0,
                    "output is a symbolic link to '\(target)', which does not exist; create that folder or choose another --output"))
            }
            resolved = real
        } else {
            // Not there yet: resolve the folder it will be made in.
            let parent = output.deletingLastPathComponent().path
            resolved = (FileTree.realPath(parent) ?? parent) + "/" + output.lastPathComponent
            resolved = resolved.replacingOccurrences(of: "//", with: "/")
        }
        let realRoot = FileTree.realPath(root.path) ?? root.standardizedFileURL.path
        for folder in ["content", "theme"] {
            let real = FileTree.realPath(root.appendingPathComponent(folder).path) ?? realRoot + "/" + folder
            if isInside(resolved, real) {
                throw BuildFailure(.error(output.path, 0,
                    "output is inside \(folder)/: every build would publish the one before it; choose a folder outside \(folder)/, such as \(realRoot)/output"))
            }
        }
        if isInside(realRoot, resolved) {
            throw BuildFailure(.error(output.path, 0,
                "output would hold the site's own sources (\(realRoot)), which a build replaces; choose a folder inside or beside the site, such as \(realRoot)/output"))
        }
        return URL(fileURLWithPath: resolved)
    }

    /// Whether `path` is `folder` or lies below it (both resolved).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }
}
