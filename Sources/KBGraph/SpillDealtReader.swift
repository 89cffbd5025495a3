// What `ReportSpill.dealt` reads of a report: the fields of its event key and the ids a joined id may change. The
// rest of the record is checked as `SpillDecoder.fact` checks it (the same reads in the same order, so a record that
// fails there fails here with the same error) and skipped without making its strings: most reports are dealt with
// their bytes as they are, their fields never looked at again.

extension SpillDecoder {
    /// A report's type, modality and participants, and its other ids a joined id may change (`others`: the place
    /// and the sources of its attributions, gathered only when `others` is asked for).
    struct EventFields {
        var type = "", subject = "", object = ""
        var modality = Modality.asserted
        var others: [String] = []
    }

    /// The event fields of the fact in `bytes` (see `EventFields`), reading what `fact()` reads with sentences skipped.
    static func eventFields(_ bytes: [UInt8], others: Bool) throws -> EventFields {
        var d = SpillDecoder(bytes)
        return try d.eventFields(others: others)
    }

    private mutating func eventFields(others wanted: Bool) throws -> EventFields {
        var e = EventFields()
        var skipped = 0   // (sentences skipped, as `sentence()` counts them: at most 16 remembered)
        try skipString()
        e.type = try string(); e.subject = try string(); e.object = try string()
        if let p = try optional(), wanted { e.others.append(p) }
        try skipDate()
        if try flag() { try skipString() }   // role
        guard let modality = Modality(rawValue: try string()) else { throw SpillError("read: bad modality") }
        e.modality = modality
        try attribution(into: &e, wanted)
        try skipString(); _ = try int(); _ = try int(); try skipSentence(&skipped); _ = try int(); _ = try int()
        try skipString(); try skipDouble()
        let n = try int()
        for _ in 0..<max(0, n) {
            try skipString(); try skipString(); _ = try int(); _ = try int(); try skipSentence(&skipped)
            _ = try int(); _ = try int(); try skipString(); try skipDouble(); try skipDate()
            try attribution(into: &e, wanted)
        }
        return e
    }

    private mutating func flag() throws -> Bool {
        guard i < bytes.count else { throw SpillError("read: a record ends early") }
        i += 1
        return bytes[i - 1] != 0
    }

    private mutating func skipString() throws {
        let n = try int()
        guard n >= 0, i + n <= bytes.count else { throw SpillError("read: a record ends early") }
        i += n
    }

    private mutating func skipDouble() throws {
        guard i + 8 <= bytes.count else { throw SpillError("read: a record ends early") }
        i += 8
    }

    private mutating func skipDate() throws {
        guard try flag() else { return }
        try skipString()
        guard FactDate.Precision(rawValue: try string()) != nil else { throw SpillError("read: bad date precision") }
    }

    private mutating func attribution(into e: inout EventFields, _ wanted: Bool) throws {
        guard try flag() else { return }
        if try flag() {
            if wanted { e.others.append(try string()) } else { try skipString() }
        }
    }

    /// `sentence()` with `skipsSentences`: its bytes checked and skipped, or a reference to one before checked.
    private mutating func skipSentence(_ skipped: inout Int) throws {
        let n = try int()
        try SpillDecoder.skipSentence(n, bytes, &i, &skipped)
    }

    /// The sentence of length `n` (or reference, `n` < 0) at `i` in `bytes` skipped: its bytes checked and passed
    /// over (one more of the `skipped` sentences a reference may name, up to 16), or the reference checked.
    static func skipSentence(_ n: Int, _ bytes: [UInt8], _ i: inout Int, _ skipped: inout Int) throws {
        if n >= 0 {
            guard i + n <= bytes.count else { throw SpillError("read: a record ends early") }
            i += n
            if skipped < 16 { skipped += 1 }
        } else if -1 - n >= skipped {
            throw SpillError("read: bad sentence reference")
        }
    }
}
