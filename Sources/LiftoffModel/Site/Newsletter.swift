/// `newsletter:` in site.yml: the signup form in every page's footer, posted to any list provider.
public struct Newsletter: Sendable, Equatable {
    /// Where the form is sent: an http(s) URL or a path on the site.
    public var action: String
    /// `post` or `get`.
    public var method = "post"
    /// The name the provider reads the address from (`email` for Buttondown, `EMAIL` for Mailchimp).
    public var emailField = "email"
    /// A field sent as it is (a list's id, a tag).
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String

        package init(name: String, value: String) { (self.name, self.value) = (name, value) }
    }

    /// Fields sent as they are, in the order written.
    public var hidden: [Field] = []
    public var title = "Get updates"
    public var text = "Short emails when the launch window, access or pricing changes."
    public var button = "Subscribe"

    public init(action: String) { self.action = action }

    /// The keys of `newsletter:`.
    public static let keys = ["action", "method", "email_field", "hidden", "title", "text", "button"]

    /// Whether `name` can name a form field: letters, digits and `_ - . [ ]`.
    public static func isFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || "_-.[]".utf8.contains(byte)
        }
    }
}
