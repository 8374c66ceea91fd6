import LiftoffModel

/// Theme assets published under `assets/` with a content hash in their names.
package struct FingerprintedAssets {
    /// `style.css` → `assets/style.3f2a9c1b.css` (path relative to the site root).
    package var paths: [String: String] = [:]
    package var files: [(path: String, data: [UInt8])] = []

    package init(_ assets: [(name: String, data: [UInt8])]) {
        for asset in assets {
            let hash = Self.fingerprint(asset.data)
            var parts = asset.name.split(separator: "/")
            let file = parts.removeLast()
            let fingerprinted: String
            if let dot = file.lastIndex(of: "."), dot != file.startIndex {
                fingerprinted = "\(file[..<dot]).\(hash)\(file[dot...])"
            } else {
                fingerprinted = "\(file).\(hash)"
            }
            let name = (parts.map(String.init) + [fingerprinted]).joined(separator: "/")
            paths[asset.name] = "assets/\(name)"
            files.append(("assets/\(name)", asset.data))
        }
    }

    /// The first 8 hexadecimal digits of the file's digest: enough to tell versions apart.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return String(hasher.finalize().description.prefix(8))
    }

    /// Template keys: `style.css` → `style_css`, `js/countdown.js` → `js_countdown_js`.
    func context(basePath: String) -> [String: Any] {
        var context: [String: Any] = [:]
        for (name, path) in paths {
            let key = String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
            context[key] = basePath + path
        }
        return context
    }
}
