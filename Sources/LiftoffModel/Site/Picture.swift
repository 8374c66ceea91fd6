/// The markup of one published image: `<picture>` with modern formats and an `<img>` fallback
/// that always has `width` and `height`.
public struct Picture: Sendable, Equatable {
    /// Another format of the image: MIME type and `srcset`.
    public struct Source: Sendable, Equatable {
        public var type: String
        public var srcset: String

        package init(type: String, srcset: String) {
            self.type = type
            self.srcset = srcset
        }
    }

    /// Modern formats, best first (AVIF, WebP); empty for a file published as it is.
    public var sources: [Source] = []
    /// The fallback's URL.
    public var src: String
    /// The fallback at every width; empty for a file published as it is.
    public var srcset = ""
    public var sizes = ""
    public var width: Int
    public var height: Int
    /// The article's first image: fetched at once, with high priority (it is usually the largest paint).
    public var eager = false

    package init(sources: [Source] = [], src: String, srcset: String = "", sizes: String = "", width: Int, height: Int, eager: Bool = false) {
        self.sources = sources
        self.src = src
        self.srcset = srcset
        self.sizes = sizes
        self.width = width
        self.height = height
        self.eager = eager
    }

    /// `<picture>…<img …></picture>`, or a lone `<img>` when there is one file.
    public func html(alt: String, title: String = "") -> String {
        var img = "<img src=\"\(HTML.escape(src))\""
        if !srcset.isEmpty { img += " srcset=\"\(HTML.escape(srcset))\" sizes=\"\(HTML.escape(sizes))\"" }
        img += " width=\"\(width)\" height=\"\(height)\" alt=\"\(HTML.escape(alt))\""
        if !title.isEmpty { img += " title=\"\(HTML.escape(title))\"" }
        img += eager ? " fetchpriority=\"high\" decoding=\"async\" />" : " loading=\"lazy\" decoding=\"async\" />"
        guard !sources.isEmpty else { return img }
        let sources = sources.map {
            "<source type=\"\($0.type)\" srcset=\"\(HTML.escape($0.srcset))\" sizes=\"\(HTML.escape(sizes))\" />"
        }
        return "<picture>" + sources.joined() + img + "</picture>"
    }

    /// The URL of its widest file (what "open the full-size image" links to).
    public var largest: String {
        guard let last = srcset.split(separator: ",").last?.split(separator: " ").first else { return src }
        return String(last)
    }

    /// What a template gets: `src`, `srcset`, `sizes`, `width`, `height`, `webp_srcset`, `avif_srcset`.
    public var context: [String: Any] {
        var values: [String: Any] = ["src": src, "srcset": srcset, "sizes": sizes, "width": width, "height": height]
        for source in sources { values[source.type.dropFirst("image/".count) + "_srcset"] = source.srcset }
        return values
    }
}

extension StableHasher {
    /// Every field of the markup a picture makes.
    package mutating func combine(_ picture: Picture) {
        combine(picture.src)
        combine(picture.srcset)
        combine(picture.sizes)
        combine(picture.width)
        combine(picture.height)
        combine(picture.eager)
        for source in picture.sources {
            combine(source.type)
            combine(source.srcset)
        }
    }
}
