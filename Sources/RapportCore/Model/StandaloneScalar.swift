extension Unicode.Scalar {
    /// Whether this scalar is a `Character` of its own wherever it stands: ASCII but CR (CR LF is
    /// one `Character`), Latin-1, Latin Extended-A and the dashes, quotes and bullets of General
    /// Punctuation. None of these blocks holds a combining mark, joiner or other extender, so a text
    /// made only of such scalars has one `Character` per scalar – and can be walked by scalar, which
    /// is many times cheaper than finding `Character` boundaries (Danish text always qualifies).
    var isStandaloneCharacter: Bool {
        switch value {
        case 0x0D: false
        case 0...0x17F, 0x2010...0x2027, 0x2030...0x205E: true
        default: false
        }
    }
}
