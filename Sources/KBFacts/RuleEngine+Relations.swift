import KBGraph

/// The entity types a relation allows, read for every rule the engine tries (`RuleEngine.applyFinders`): the same as
/// `table[name]?.subjectTypes` and `?.objectTypes`, without hashing the name and copying the whole `RelationType`
/// (its nine fields retained and released) each time.
///
/// For the standard table, a name is found by the 16 bytes of its `String` value: equal bytes are an equal string (a
/// small string holds its UTF-8 bytes there, a large one its storage's address), so a match is the name's row; only
/// names no other row repeats are indexed (the table's own look-up keeps the first of two). Any other string (a miss:
/// another spelling of the name, a name not in the table) and any other table take `table[name]`.
struct RelationIndex: @unchecked Sendable {   // (immutable once made)
    struct Allowed {
        let subjectTypes: Set<EntityType>?
        let objectTypes: Set<EntityType>?
    }

    private struct Slot {
        var a: UInt64 = 0, b: UInt64 = 0
        var row = -1
    }
    private let slots: [Slot]
    private let mask: Int
    /// the rows of the table indexed, as `Allowed`
    private let allowed: [Allowed]
    /// the rows of the table indexed, as `AllowedBits`
    private let allowedBits: [AllowedBits]
    /// the rows of the table indexed, as `Flags`
    private let flags: [Flags]
    /// the address of the indexed table's `types` storage (the standard table lives as long as the process)
    private let types: UnsafeRawPointer?

    static let standard = RelationIndex(RelationTable.standard)

    private init(_ table: RelationTable) {
        var size = 16
        while size < table.types.count * 4 { size *= 2 }
        var slots = [Slot](repeating: Slot(), count: size)
        let names = table.types.map(\.name)
        for (row, name) in names.enumerated() where names.filter({ $0 == name }).count == 1 {
            let (a, b) = Self.bits(name)
            var k = Self.hash(a, b) & (size - 1)
            while slots[k].row >= 0 { k = (k + 1) & (size - 1) }
            slots[k] = Slot(a: a, b: b, row: row)
        }
        self.slots = slots
        mask = size - 1
        allowed = table.types.map { Allowed(subjectTypes: $0.subjectTypes, objectTypes: $0.objectTypes) }
        allowedBits = table.types.map { AllowedBits(subjectTypes: $0.subjectTypes, objectTypes: $0.objectTypes) }
        flags = table.types.map(Flags.init)
        types = table.types.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @inline(__always)
    private static func bits(_ s: String) -> (UInt64, UInt64) { unsafeBitCast(s, to: (UInt64, UInt64).self) }

    @inline(__always)
    private static func hash(_ a: UInt64, _ b: UInt64) -> Int {
        Int(truncatingIfNeeded: (((a &* 0x9E37_79B9_7F4A_7C15) ^ b) &* 0xBF58_476D_1CE4_E5B9) >> 32)
    }

    /// The row of `name` when `table` is the indexed one and the name is found by its bytes; else nil.
    private func row(_ table: RelationTable, _ name: String) -> Int? {
        guard let types, table.types.withUnsafeBufferPointer({ UnsafeRawPointer($0.baseAddress) }) == types else { return nil }
        let (a, b) = Self.bits(name)
        var k = Self.hash(a, b) & mask
        while true {
            let s = slots[k]
            if s.row < 0 { return nil }
            if s.a == a && s.b == b { return s.row }
            k = (k + 1) & mask
        }
    }

    /// `table[name].map { Allowed(subjectTypes: $0.subjectTypes, objectTypes: $0.objectTypes) }`.
    static func allowed(_ table: RelationTable, _ name: String) -> Allowed? {
        if let r = standard.row(table, name) { return standard.allowed[r] }
        return table[name].map { Allowed(subjectTypes: $0.subjectTypes, objectTypes: $0.objectTypes) }
    }

    /// The types `RuleEngine.find` admits for a relation's subject and object, as `PlainConcat.bits`: the relation's
    /// own, else (no relation, or none given for the role) person, organisation and place. Read per rule tried: no
    /// set is retained and released (``Allowed`` held two).
    struct AllowedBits {
        let subject: UInt8, object: UInt8
        static let anyArgument = PlainConcat.bit(.person) | PlainConcat.bit(.organization) | PlainConcat.bit(.place)
        static let none = AllowedBits(subjectTypes: nil, objectTypes: nil)
        init(subjectTypes: Set<EntityType>?, objectTypes: Set<EntityType>?) {
            subject = subjectTypes.map(PlainConcat.bits) ?? Self.anyArgument
            object = objectTypes.map(PlainConcat.bits) ?? Self.anyArgument
        }
    }

    /// `allowed(table, name)`'s types as bits (``AllowedBits``; `.none` when the table has no such relation).
    static func allowedBits(_ table: RelationTable, _ name: String) -> AllowedBits {
        if let r = standard.row(table, name) { return standard.allowedBits[r] }
        return table[name].map { AllowedBits(subjectTypes: $0.subjectTypes, objectTypes: $0.objectTypes) } ?? .none
    }

    /// What the fact stage asks of a relation per fact (`table[name]` hashed the name and copied the whole
    /// `RelationType`, its nine fields retained and released, for each): its kind is `.event`, it is symmetric, one of
    /// its roles is `attendee` (EventPlaces.swift), its object's role is `location`.
    struct Flags {
        let event: Bool, symmetric: Bool, attendee: Bool, objectLocation: Bool
        init(_ t: RelationType) {
            event = t.kind == .event
            symmetric = t.symmetric
            attendee = t.subjectRole == "attendee" || t.objectRole == "attendee" || t.objectRoleNonPlace == "attendee"
            objectLocation = t.objectRole == "location"
        }
    }

    /// `table[name].map(Flags.init)`.
    static func flags(_ table: RelationTable, _ name: String) -> Flags? {
        if let r = standard.row(table, name) { return standard.flags[r] }
        return table[name].map(Flags.init)
    }
}
