import Foundation
import KBResources
import KBGraph
import KBText

/// One rule of a rule file.
///
/// Its fields live in one shared box (`Storage`), copied on the first change of a copy: the rule engine reads the rule
/// it tries (tens of thousands a corpus) and a copy of it costs one retain, not one per field.
public struct Rule: Sendable {
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var name: String
        @exclusivity(unchecked) var file: String
        @exclusivity(unchecked) var line: Int
        @exclusivity(unchecked) var type: String = ""
        @exclusivity(unchecked) var triggers: [Int] = []
        @exclusivity(unchecked) var triggerNames: [String] = []
        @exclusivity(unchecked) var subject: [ArgumentFinder] = []
        @exclusivity(unchecked) var object: [ArgumentFinder] = []
        @exclusivity(unchecked) var requires: [ContextCue] = []
        @exclusivity(unchecked) var unless: [ContextCue] = []
        @exclusivity(unchecked) var plannedType: String? = nil
        @exclusivity(unchecked) var modality: Modality? = nil
        @exclusivity(unchecked) var keepNegated: Bool = false
        @exclusivity(unchecked) var pairwise: Bool = false
        @exclusivity(unchecked) var confidence: Double = 0.75
        @exclusivity(unchecked) var takesDate: Bool = true
        @exclusivity(unchecked) var dated: Bool = false
        @exclusivity(unchecked) var objectFirst: Bool = false
        @exclusivity(unchecked) var freeTitle: Bool = false
        @exclusivity(unchecked) var unlessFired: [String] = []
        @exclusivity(unchecked) var procedural: String? = nil
        @exclusivity(unchecked) var examples: [(text: String, line: Int)] = []
        @exclusivity(unchecked) var counters: [(text: String, line: Int)] = []
        /// ``Rule/finderFlags(_:_:)`` of `subject` and `object`, kept with them (set where they are)
        @exclusivity(unchecked) var finderFlags: UInt8 = 0
        func updateFinderFlags() { finderFlags = Rule.finderFlags(subject, object) }
        init(name: String, file: String, line: Int) { self.name = name; self.file = file; self.line = line }
        func copy() -> Storage {
            let c = Storage(name: name, file: file, line: line)
            c.type = type
            c.triggers = triggers
            c.triggerNames = triggerNames
            c.subject = subject
            c.object = object
            c.requires = requires
            c.unless = unless
            c.plannedType = plannedType
            c.modality = modality
            c.keepNegated = keepNegated
            c.pairwise = pairwise
            c.confidence = confidence
            c.takesDate = takesDate
            c.dated = dated
            c.objectFirst = objectFirst
            c.freeTitle = freeTitle
            c.unlessFired = unlessFired
            c.procedural = procedural
            c.examples = examples
            c.counters = counters
            c.finderFlags = finderFlags
            return c
        }
    }
    private var storage: Storage
    public init(name: String, file: String, line: Int) { storage = Storage(name: name, file: file, line: line) }
    private mutating func unique() { if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() } }
    public var name: String {
        _read { yield storage.name }
        set { unique(); storage.name = newValue }
        _modify { unique(); yield &storage.name }
    }
    public var file: String {
        get { storage.file }
        set { unique(); storage.file = newValue }
        _modify { unique(); yield &storage.file }
    }
    public var line: Int {
        get { storage.line }
        set { unique(); storage.line = newValue }
        _modify { unique(); yield &storage.line }
    }
    public var type: String {
        _read { yield storage.type }
        set { unique(); storage.type = newValue }
        _modify { unique(); yield &storage.type }
    }
    public var triggers: [Int] {
        _read { yield storage.triggers }
        set { unique(); storage.triggers = newValue }
        _modify { unique(); yield &storage.triggers }
    }
    public var triggerNames: [String] {
        get { storage.triggerNames }
        set { unique(); storage.triggerNames = newValue }
        _modify { unique(); yield &storage.triggerNames }
    }
    public var subject: [ArgumentFinder] {
        _read { yield storage.subject }
        set { unique(); storage.subject = newValue; storage.updateFinderFlags() }
        _modify { unique(); defer { storage.updateFinderFlags() }; yield &storage.subject }
    }
    public var object: [ArgumentFinder] {
        _read { yield storage.object }
        set { unique(); storage.object = newValue; storage.updateFinderFlags() }
        _modify { unique(); defer { storage.updateFinderFlags() }; yield &storage.object }
    }
    public var requires: [ContextCue] {
        _read { yield storage.requires }
        set { unique(); storage.requires = newValue }
        _modify { unique(); yield &storage.requires }
    }
    public var unless: [ContextCue] {
        _read { yield storage.unless }
        set { unique(); storage.unless = newValue }
        _modify { unique(); yield &storage.unless }
    }
    /// The type a planned instance gets (PLANS_VISIT for VISIT); nil keeps the type, marked planned.
    public var plannedType: String? {
        _read { yield storage.plannedType }
        set { unique(); storage.plannedType = newValue }
        _modify { unique(); yield &storage.plannedType }
    }
    /// Fixed modality (a rule whose trigger is itself a plan or a denial).
    public var modality: Modality? {
        get { storage.modality }
        set { unique(); storage.modality = newValue }
        _modify { unique(); yield &storage.modality }
    }
    /// A negated instance is kept, marked negated ("لن تسحب X قواتها من Y"), instead of dropped.
    public var keepNegated: Bool {
        get { storage.keepNegated }
        set { unique(); storage.keepNegated = newValue }
        _modify { unique(); yield &storage.keepNegated }
    }
    /// Subjects and objects found as lists are paired in order, one fact per pair, and only when the two lists
    /// are as long (`pairwise`): "وزراء خارجية مصر X والأردن Y", "وزيرا الخارجية الروسي والأمريكي X وY".
    public var pairwise: Bool {
        get { storage.pairwise }
        set { unique(); storage.pairwise = newValue }
        _modify { unique(); yield &storage.pairwise }
    }
    public var confidence: Double {
        get { storage.confidence }
        set { unique(); storage.confidence = newValue }
        _modify { unique(); yield &storage.confidence }
    }
    public var takesDate: Bool {
        get { storage.takesDate }
        set { unique(); storage.takesDate = newValue }
        _modify { unique(); yield &storage.takesDate }
    }
    /// A state that takes the date of its sentence as its start («تنشط منذ العام 2021»): `dated`.
    public var dated: Bool {
        get { storage.dated }
        set { unique(); storage.dated = newValue }
        _modify { unique(); yield &storage.dated }
    }
    /// Find the object first (and the subject after it): "يرافق هولاند وزير الخارجية X".
    public var objectFirst: Bool {
        get { storage.objectFirst }
        set { unique(); storage.objectFirst = newValue }
        _modify { unique(); yield &storage.objectFirst }
    }
    /// The trigger must not open the title of a person named after it ("X وزير الخارجية Y" is Y's title):
    /// a title after a name is that name's apposition only when no name follows it.
    public var freeTitle: Bool {
        get { storage.freeTitle }
        set { unique(); storage.freeTitle = newValue }
        _modify { unique(); yield &storage.freeTitle }
    }
    /// Rules that, when they fired on the same trigger word, keep this one from firing (`unless-fired RULE…`; they
    /// must come earlier in file order): two readings of one construction, the more specific tried first.
    public var unlessFired: [String] {
        _read { yield storage.unlessFired }
        set { unique(); storage.unlessFired = newValue }
        _modify { unique(); yield &storage.unlessFired }
    }
    /// A resolver written in Swift, listed here so the rule files are the whole inventory.
    public var procedural: String? {
        get { storage.procedural }
        set { unique(); storage.procedural = newValue }
        _modify { unique(); yield &storage.procedural }
    }
    public var examples: [(text: String, line: Int)] {
        get { storage.examples }
        set { unique(); storage.examples = newValue }
        _modify { unique(); yield &storage.examples }
    }
    public var counters: [(text: String, line: Int)] {
        get { storage.counters }
        set { unique(); storage.counters = newValue }
        _modify { unique(); yield &storage.counters }
    }
}

extension Rule {
    /// Bit 1: a subject or object finder is `dual-people`; bit 2: a subject finder is `object-of` (reads facts).
    static func finderFlags(_ subject: [ArgumentFinder], _ object: [ArgumentFinder]) -> UInt8 {
        func dual(_ f: ArgumentFinder) -> Bool { if case .dualPeople = f.kind { return true }; return false }
        func facts(_ f: ArgumentFinder) -> Bool { if case .factObject = f.kind { return true }; return false }
        return (subject.contains(where: dual) || object.contains(where: dual) ? 1 : 0) | (subject.contains(where: facts) ? 2 : 0)
    }

    /// True when a finder is `dual-people` (RuleEngine+Pronouns.swift). (Kept with the finders: no walk per try.)
    var hasDualPeople: Bool { storage.finderFlags & 1 != 0 }

    /// True when the rule reads the facts other rules found (`object-of`, RuleEngine+FactObject.swift).
    var readsFacts: Bool { storage.finderFlags & 2 != 0 }
}
