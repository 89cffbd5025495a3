import Foundation
import KBResources
import KBGraph
import KBText

/// How a rule finds one argument around its trigger (see the README, "Rule files").
public struct ArgumentFinder: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// nearest mention of an allowed type before / after the trigger, within N tokens
        case before(Int), after(Int)
        /// first allowed mention after one of the prepositions (a word, or a clitic written `ب-`), within N tokens
        case afterPrep([String], Int)
        /// the mention right before the trigger (a comma may sit between): apposition
        case adjacentBefore
        /// the mention right after the trigger (a place head noun may sit between)
        case adjacentAfter
        /// the subject of the document's last fact told before this sentence
        case documentSubject
        /// the country the document is about (named most often), when the words between the trigger and the
        /// first argument name no place or organisation: "وزير الخارجية X" in an article about one state
        case documentCountry
        /// "قال الرئيس الفرنسي X إن بلاده تدعم …": a word of class `HIS_COUNTRY` right before the trigger is the
        /// country of the title of the nearest person before it
        case speakerCountry
        /// `doc-pair` (as subject and object): "بين البلدين", the two states of the sentence, else of the two sides
        /// of the last meeting, talks, reception or visit the document told
        case documentPair
        /// `doc-people` (as subject, or as subject and object): «بحث الجانبان», «جدد الوزيران»: the two people of the
        /// last meeting, talks or reception the document told (RuleEngine+CarryOver.swift)
        case documentPeople
        /// `dual-people [N]` (as subject, or as subject and object): the two people of the last contact, only when a
        /// dual names them here: the trigger is a past dual verb («وبحثا», «واتفقا»), or a dual verb or a word of
        /// class `DUAL_PEOPLE` stands within N tokens before it («واتفقا على عقد …», «واتفق الجانبان على عقد …»)
        /// (RuleEngine+Pronouns.swift)
        case dualPeople(Int)
        /// `sentence-subject`: the sentence's first actor, a person or organisation named at its start or right after
        /// its first verb and title («التقى الرئيس X …، حيث وصل إلى …»), with no complementiser of reported speech
        /// between it and the trigger (RuleEngine+CarryOver.swift)
        case sentenceSubject
        /// `its-state` (object): the state of the subject found (a capital's country, an organisation's own
        /// country); the state need not be named in the sentence
        case itsState
        /// `between-parties N` (as subject and object): the parties after «بين» within N tokens after the trigger,
        /// no name between: «بين X وY» one pair, «بين X وY وZ» every pair, «بين الدول الثلاث» the group's members
        /// (RuleEngine+Parties.swift)
        case betweenParties(Int)
        /// `joint-subject N` (as subject and object): «X وY» (or «الرئيس A X والرئيس B Y») as the subject right before
        /// the trigger, within N tokens and not across a comma
        case jointSubject(Int)
        /// `signing-parties N` (as subject and object): the parties of a signing, a word of class `SIGN` up to N tokens
        /// before the trigger: those named between it and the trigger («وقعت X وY اتفاقية»), one of them and the party
        /// after «مع» («وقعت X اتفاقية مع Y»), or the states or bodies the titles of the two people before a dual
        /// verb name («… وشهدا توقيع اتفاقية», «ووقعا اتفاقية»: classes `WITNESS_DUAL`, `SIGN_DUAL`)
        case signingParties(Int)
        /// `object-of TYPE` (subject): each person named after the trigger who is the object of an asserted fact of
        /// TYPE that another rule found on the same trigger word («استقبل X Y في Z»: Y, the guest); the rule runs
        /// after the sentence's other rules (RuleEngine+FactObject.swift)
        case factObject(String)
    }
    public var kind: Kind
    /// entity types allowed (nil: the relation table's for this role)
    public var types: Set<EntityType>? = nil
    /// place subtypes required (country, city, region, …) when given
    public var subtypes: Set<String>? = nil
    /// organisation subtypes required (event, army, …) when given; places and people are not filtered by it
    public var orgSubtypes: Set<String>? = nil
    /// no summit or conference (an organisation of subtype event): an event is no agent
    public var notEvent = false
    public var adjectives = false
    /// only nationality adjectives ("الجزائرية الفرنسية")
    public var adjectivesOnly = false
    public var inRole = false
    /// only entities the gazetteer knows
    public var known = false
    /// any place but a country
    public var notCountry = false
    /// only names (not a title standing for a person named elsewhere: "رئيسة الوزراء")
    public var named = false
    /// "X وY": conjoined mentions each give a fact
    public var list = false
    /// only entities the gazetteer does not know (a guessed name)
    public var guessed = false
    /// `after N` looks only inside the phrase: it stops at a comma and at a person's name
    public var phrase = false
    /// "A، والسيد B، رئيس …، ووزير C": conjoined mentions across appositions each give a fact
    public var wideList = false
    /// not a mention governed by a preposition (a word of class `PREP` before it, or the clitic ب on it): "أي تدخل
    /// في النيجر" names where, not whom
    public var direct = false
    /// `outside-prep`: besides `direct`, not the genitive of a noun a preposition governs ("الهجوم على مقر X",
    /// "التدخل في شؤون X": the target or the place, not the party)
    public var outsidePrep = false
    /// only a mention inside a title phrase ("رئيس النيجر X": the state of the speaker's title)
    public var inTitle = false
    /// an organisation only when it can deploy forces (an army, armed group, government, security agency,
    /// international organisation or alliance, or a name headed by a word of class FORCE_HEAD); places pass
    public var force = false
    /// `after N` stays in the clause: it stops at a comma and at a word of class RELATIVE or CLAUSE_BREAK
    public var clause = false
    /// `before N` takes the first allowed mention of the clause (the farthest), not the nearest: the sentence's
    /// subject ("وصل X … يرافقه Y … بدعوة من Z": X is the guest)
    public var first = false
    /// only a mention joined by «و» to the mention right before it («X وY», «X ونظيره Y»): the second of a joint subject
    public var joined = false
    /// (`before N`) the list «X وY» that ends at the mention found: each member gives a fact («بين X وY بدعم من Z»)
    public var backList = false
    /// not a person named after «بقيادة» (class LED_BY): he stands for the force named before him
    public var notLed = false
    /// (`adjacent-before`) a name with a title of its own before it («الرئيس الموريتاني X») takes a title after it
    /// only across a comma: «استقبل الرئيس X وزير الخارجية الفرنسي» names the verb's object, not X's second office
    public var commaIfTitled = false
    /// (`after N`) the mention, or a word between the trigger (or the first argument) and it, carries the
    /// preposition ل: «دعم X لسيادة Y»
    public var lam = false
    /// no organ of the state (a name with a word of class GOV_BODY: «مجلس الوزراء العراقي»), which stands for the state
    public var notStateBody = false
    /// (`after-prep`) a nationality adjective after a word of class PEOPLE_OF counts as its state: «مع الجانب المصري»
    public var people = false
    /// only the mention right after a word of class ROLE_PLAYED, its owner («الدور المصري في دعم Y», «جهود قطر»),
    /// even where the recogniser read it into an unnamed title before it («وثمن الوزير الدور المصري …»)
    public var roleOwner = false
    /// not a mention right after a word of class PATRON_LINK («X الموالية لـ Y», «X المدعومة من Y»): Y is X's
    /// patron, not the verb's object (ArgumentFinder+Patron.swift)
    public var notPatron = false
}

/// A cue word class looked for around the trigger.
public struct ContextCue: Sendable, Equatable {
    public var cls: Int
    public var className: String
    public var before: Bool
    public var within: Int
    /// the trigger word itself (`requires CLASS here`)
    public var here = false
    /// from N tokens before the subject found (its title included) up to the trigger (`unless CLASS before-subject N`)
    public var beforeSubject = false
}

/// The rules and the lexicon they use.
public struct RuleSet: Sendable {
    public var lexicon: WordLexicon
    public private(set) var rules: [Rule] = []
    /// Types whose facts are background the writer states (an office, a capital, where a place lies), never
    /// attributed to the source of a reported clause they sit in (`background TYPE…` in a rule file).
    public private(set) var backgroundTypes: Set<String> = []
    /// Event types whose trigger, naming no subject (a verb continuing the previous sentence's subject, «وأضاف»,
    /// «كما يلتقي»; a masdar with a pronoun suffix, «زيارته»), takes the document's earlier subject
    /// (`carry-subject TYPE…` in a rule file; `RuleEngine.carriedSubject`).
    public private(set) var carrySubjectTypes: Set<String> = []
    /// Types whose finite verb only carries the subject over (`carry-subject-verb TYPE…`): a pronoun on their masdar
    /// is as often the patient («استقباله», «طرده»).
    public private(set) var carrySubjectVerbTypes: Set<String> = []
    /// Types whose verb with an object pronoun («استقبله الرئيس X», «التقاها Y») names its subject after it and
    /// its object by the pronoun: the subject carried over (`object-pronoun TYPE…`; RuleEngine+Pronouns.swift).
    public private(set) var objectPronounTypes: Set<String> = []
    /// class id → indices of the rules it triggers (an array by class id: a look-up per trigger word and class)
    private(set) var byTrigger: [[Int]] = []
    /// rule index → ``carryFlag(_:)`` of its type (kept with `rules` and the two sets: no hashing per rule tried)
    private(set) var carryFlags: [UInt8] = []
    /// 1: the type is in `carrySubjectTypes`; 2: in `carrySubjectVerbTypes`.
    func carryFlag(_ type: String) -> UInt8 {
        (carrySubjectTypes.contains(type) ? 1 : 0) | (carrySubjectVerbTypes.contains(type) ? 2 : 0)
    }

    public init(lexicon: WordLexicon, rules: [Rule] = []) {
        self.lexicon = lexicon
        for r in rules { add(r) }
    }

    mutating func add(_ r: Rule) {
        rules.append(r)
        carryFlags.append(carryFlag(r.type))
        for t in r.triggers {
            if t >= byTrigger.count { byTrigger += [[Int]](repeating: [], count: t + 1 - byTrigger.count) }
            byTrigger[t].append(rules.count - 1)
        }
    }
    func rules(triggeredBy cls: Int) -> [Int] { cls >= 0 && cls < byTrigger.count ? byTrigger[cls] : [] }

    /// Names of the Swift resolvers a rule file may list as `procedural NAME`.
    public static let proceduralResolvers: Set<String> = [
        "roles", "known-leader", "kinship", "reception-committee",
        "delegation-continued",
        "delegation-members", "anaphoric-meetings", "companions-visit", "government-by-capital", "group-expansion",
    ]

    /// Parses a rule file; word classes must be in the lexicon (the relation table gives the types).
    public mutating func parse(_ text: String, file: String, table: RelationTable = .standard) throws {
        var current: Rule? = nil
        func finish() throws {
            guard let r = current else { return }
            current = nil
            func err(_ m: String) -> RuleFileError { RuleFileError(file: file, line: r.line, message: "rule \(r.name): \(m)") }
            guard table.contains(r.type) else { throw err("unknown relation type «\(r.type)» (see relations.tsv)") }
            if let p = r.plannedType, !table.contains(p) { throw err("unknown planned type «\(p)»") }
            if r.procedural == nil {
                guard !r.triggers.isEmpty else { throw err("no trigger") }
                guard !r.subject.isEmpty, !r.object.isEmpty else { throw err("needs a subject and an object finder") }
                guard !r.examples.isEmpty else { throw err("needs at least one example: line") }
                // a pair finder names both sides: it is the subject's and the object's only finder
                for f in r.subject + r.object {
                    guard case .factObject(let t) = f.kind else { continue }
                    guard table.contains(t) else { throw err("object-of: unknown relation type «\(t)»") }
                    guard r.subject == [f] else { throw err("object-of TYPE is the subject's only finder") }
                }
                if let p = (r.subject + r.object).first(where: { $0.kind.isPairFinder }) {
                    guard r.subject == [p], r.object == [p] else { throw err("\(p.kind.keyword) names both sides: give it alone as subject and as object") }
                }
            }
            var r2 = r
            if table[r.type]?.kind == .state { r2.takesDate = r.takesDate && r.dated }
            add(r2)
        }
        // lines, comments and words cut on the bytes where that is the `Character` split (LoaderText)
        for (n, raw) in LoaderText.lines(text).enumerated() {
            let ln = n + 1
            var line = String(raw).trimmingCharacters()
            func fail(_ m: String) -> RuleFileError { RuleFileError(file: file, line: ln, message: m) }
            if line.hasPrefix("example:") || line.hasPrefix("counter:") {
                guard current != nil else { throw fail("example outside a rule") }
                let isExample = line.hasPrefix("example:")
                let body = String(line.dropFirst(8)).trimmingCharacters()
                guard !body.isEmpty else { throw fail("empty example") }
                if isExample { current!.examples.append((body, ln)) } else { current!.counters.append((body, ln)) }
                continue
            }
            let body = LoaderText.before(UInt8(ascii: "#"), in: line[...])
            if body.endIndex != line.endIndex { line = String(body).trimmingCharacters() }
            let w = LoaderText.words(line[...])
            guard let key = w.first else { continue }
            let args = Array(w.dropFirst())
            switch key {
            case "background":
                try finish()
                guard !args.isEmpty else { throw fail("background TYPE… (types of the relation table)") }
                for t in args {
                    guard table.contains(t) else { throw fail("unknown relation type «\(t)» (see relations.tsv)") }
                    backgroundTypes.insert(t)
                }
            case "carry-subject", "carry-subject-verb", "object-pronoun":
                try finish()
                guard !args.isEmpty else { throw fail("\(key) TYPE… (types of the relation table)") }
                for t in args {
                    guard table.contains(t) else { throw fail("unknown relation type «\(t)» (see relations.tsv)") }
                    if key == "carry-subject" { carrySubjectTypes.insert(t) }
                    else if key == "object-pronoun" { objectPronounTypes.insert(t) }
                    else { carrySubjectVerbTypes.insert(t) }
                }
                carryFlags = rules.map { carryFlag($0.type) }
            case "rule", "procedural":
                try finish()
                guard let name = args.first else { throw fail("\(key) needs a name") }
                current = Rule(name: name, file: file, line: ln)
                if key == "procedural" {
                    guard args.count == 2, Self.proceduralResolvers.contains(args[1]) else {
                        throw fail("procedural NAME RESOLVER: the resolver must be one of \(Self.proceduralResolvers.sorted().joined(separator: ", "))")
                    }
                    current!.procedural = args[1]
                }
            default:
                guard current != nil else { throw fail("«\(key)» outside a rule (start one with: rule NAME)") }
                switch key {
                case "type":
                    guard args.count == 1 else { throw fail("type NAME") }
                    current!.type = args[0]
                case "trigger":
                    guard !args.isEmpty else { throw fail("trigger CLASS…") }
                    for a in args {
                        guard let id = lexicon.classID(a) else { throw fail("unknown word class «\(a)» (not in the lexicon)") }
                        current!.triggers.append(id); current!.triggerNames.append(a)
                    }
                case "subject", "object":
                    let finders = try args.split(separator: "|").map { try Self.finder(Array($0), fail) }
                    guard !finders.isEmpty else { throw fail("\(key) FINDER [| FINDER …]") }
                    if key == "subject" { current!.subject = finders } else { current!.object = finders }
                case "requires", "unless":
                    // requires CLASS before|after|before-subject N, or CLASS here (the trigger word itself is of the class)
                    let here = args.count == 2 && args[1] == "here"
                    guard here || args.count == 3, let id = lexicon.classID(args[0]), here || ["before", "after", "before-subject"].contains(args[1]),
                          let k = here ? 0 : Int(args[2]) else {
                        throw fail("\(key) CLASS before|after|before-subject N, or CLASS here (a class of the lexicon)")
                    }
                    var cue = ContextCue(cls: id, className: args[0], before: args[1] != "after", within: k)
                    cue.here = here
                    cue.beforeSubject = args[1] == "before-subject"
                    if key == "requires" { current!.requires.append(cue) } else { current!.unless.append(cue) }
                case "planned":
                    guard args.count == 1 else { throw fail("planned TYPE") }
                    current!.plannedType = args[0]
                case "modality":
                    guard args.count == 1, let m = Modality(rawValue: args[0]) else { throw fail("modality asserted|planned|negated") }
                    current!.modality = m
                case "confidence":
                    guard args.count == 1, let v = Double(args[0]), v > 0, v <= 1 else { throw fail("confidence 0…1") }
                    current!.confidence = v
                case "state":
                    current!.takesDate = false
                case "dated":
                    current!.dated = true
                case "free-title":
                    current!.freeTitle = true
                case "keep-negated":
                    current!.keepNegated = true
                case "pairwise":
                    current!.pairwise = true
                case "unless-fired":
                    guard !args.isEmpty else { throw fail("unless-fired RULE… (rules before this one in file order)") }
                    for a in args where !rules.contains(where: { $0.name == a }) {
                        throw fail("unless-fired: no rule «\(a)» before this one")
                    }
                    current!.unlessFired += args
                case "order":
                    guard args == ["object"] || args == ["subject"] else { throw fail("order subject|object (which argument is found first)") }
                    current!.objectFirst = args == ["object"]
                default:
                    throw fail("unknown keyword «\(key)»")
                }
            }
        }
        try finish()
    }

    static func finder(_ w: [String], _ fail: (String) -> RuleFileError) throws -> ArgumentFinder {
        guard let head = w.first else { throw fail("empty finder") }
        var f: ArgumentFinder
        var rest = Array(w.dropFirst())
        switch head {
        case "before", "after":
            guard let n = rest.first.flatMap(Int.init) else { throw fail("\(head) N") }
            f = ArgumentFinder(kind: head == "before" ? .before(n) : .after(n))
            rest.removeFirst()
        case "after-prep":
            guard let wi = rest.firstIndex(of: "within"), wi > 0, wi + 1 < rest.count, let n = Int(rest[wi + 1]) else {
                throw fail("after-prep WORD… within N")
            }
            let preps = rest[..<wi].map { p in p.hasSuffix("-") ? ArabicNormalizer.normalize(String(p.dropLast())) + "-" : ArabicNormalizer.normalize(p) }
            f = ArgumentFinder(kind: .afterPrep(preps, n))
            rest = Array(rest[(wi + 2)...])
        case "adjacent-before": f = ArgumentFinder(kind: .adjacentBefore)
        case "adjacent-after": f = ArgumentFinder(kind: .adjacentAfter)
        case "doc-subject": f = ArgumentFinder(kind: .documentSubject)
        case "doc-country": f = ArgumentFinder(kind: .documentCountry)
        case "speaker-country": f = ArgumentFinder(kind: .speakerCountry)
        case "doc-pair": f = ArgumentFinder(kind: .documentPair)
        case "doc-people": f = ArgumentFinder(kind: .documentPeople)
        case "dual-people":
            // an optional reach: `dual-people 3`
            if let n = rest.first.flatMap(Int.init) { rest.removeFirst(); f = ArgumentFinder(kind: .dualPeople(n)) }
            else { f = ArgumentFinder(kind: .dualPeople(0)) }
        case "its-state": f = ArgumentFinder(kind: .itsState)
        case "sentence-subject": f = ArgumentFinder(kind: .sentenceSubject)
        case "object-of":
            guard let t = rest.first else { throw fail("object-of TYPE") }
            rest.removeFirst()
            f = ArgumentFinder(kind: .factObject(t))
        case "between-parties", "joint-subject", "signing-parties":
            guard let n = rest.first.flatMap(Int.init), n > 0 else { throw fail("\(head) N") }
            rest.removeFirst()
            f = ArgumentFinder(kind: head == "between-parties" ? .betweenParties(n) : head == "joint-subject" ? .jointSubject(n) : .signingParties(n))
        default: throw fail("unknown finder «\(head)» (before, after, after-prep, adjacent-before, adjacent-after, doc-subject, doc-country, speaker-country, doc-pair, doc-people, dual-people, its-state, sentence-subject, between-parties, joint-subject, signing-parties, object-of)")
        }
        var k = 0
        while k < rest.count {
            switch rest[k] {
            case "types":
                guard k + 1 < rest.count else { throw fail("types PER,ORG,PLACE") }
                var s = Set<EntityType>()
                for t in rest[k + 1].split(separator: ",") {
                    switch t {
                    case "PER": s.insert(.person)
                    case "ORG": s.insert(.organization)
                    case "PLACE": s.insert(.place)
                    default: throw fail("unknown entity type «\(t)» (PER, ORG, PLACE)")
                    }
                }
                f.types = s; k += 2
            case "subtypes":
                guard k + 1 < rest.count else { throw fail("subtypes country,city,…") }
                f.subtypes = Set(rest[k + 1].split(separator: ",").map(String.init)); k += 2
            case "org-subtypes":
                guard k + 1 < rest.count else { throw fail("org-subtypes event,army,…") }
                f.orgSubtypes = Set(rest[k + 1].split(separator: ",").map(String.init)); k += 2
            case let flag where ArgumentFinder.flagOptions[flag] != nil:
                for path in ArgumentFinder.flagOptions[flag]! { f[keyPath: path] = true }
                k += 1
            default:
                let names = ["types", "subtypes", "org-subtypes"] + ArgumentFinder.flagOptions.keys.sorted()
                throw fail("unknown finder option «\(rest[k])» (\(names.joined(separator: ", ")))")
            }
        }
        return f
    }

    /// One reference to a rule set (what a sentence context holds).
    public final class Shared: Sendable {
        public let set: RuleSet
        /// The class ids of the set's lexicon, looked up once (a sentence context asked for them under a lock).
        let classInfo: LexiconClassInfo
        public init(_ set: RuleSet) { self.set = set; classInfo = LexiconClassInfo.of(set.lexicon) }
    }
    public static let sharedBundled = Shared(bundled)

    /// The bundled rules (`Resources/rules/*.rules`, in file-name order) over the bundled lexicon.
    public static let bundled: RuleSet = {
        do { return try load(ruleDirs: [], lexiconFiles: []) } catch { fatalError("\(error)") }
    }()

    /// The bundled lexicon and rules plus the user's files (`--lexicon FILE`, `--rules DIR`).
    public static func load(ruleDirs: [String], lexiconFiles: [String]) throws -> RuleSet {
        var lex = WordLexicon()
        // the bundled files are embedded in the binary (EmbeddedResources): a copied kbexport has them too
        guard let lexicon = EmbeddedResources.text(named: "KBFacts/lexicon.txt") else { fatalError("kbexport: the bundled lexicon.txt is missing") }
        let bundledRules = EmbeddedResources.names(under: "KBFacts/rules/").filter { $0.hasSuffix(".rules") }
        guard !bundledRules.isEmpty else { fatalError("kbexport: the bundled rule files are missing") }
        try lex.parse(lexicon, file: "lexicon.txt")
        for f in lexiconFiles { try lex.parse(try readFile(f), file: f) }
        var set = RuleSet(lexicon: lex)
        for name in bundledRules {
            guard let text = EmbeddedResources.text(named: name) else { fatalError("kbexport: \(name) is not UTF-8") }
            try set.parse(text, file: String(name.dropFirst("KBFacts/".count)))
        }
        for (path, shown) in try ruleDirs.flatMap({ try ruleFiles($0) }) {
            try set.parse(try readFile(path), file: shown)
        }
        return set
    }

    static func readFile(_ path: String) throws -> String {
        guard let d = FileManager.default.contents(atPath: path) else { throw RuleFileError(file: path, line: 0, message: "cannot read") }
        guard let s = String(data: d, encoding: .utf8) else { throw RuleFileError(file: path, line: 0, message: "not UTF-8") }
        return s
    }

    static func ruleFiles(_ dir: String) throws -> [(String, String)] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) else { throw RuleFileError(file: dir, line: 0, message: "no such rule folder") }
        if !isDir.boolValue { return [(dir, dir)] }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".rules") }.sorted()
        return names.map { (dir + "/" + $0, dir + "/" + $0) }
    }
}

extension ArgumentFinder {
    /// The finder options that take no value, and the switches each one turns on.
    static let flagOptions: [String: [any WritableKeyPath<ArgumentFinder, Bool> & Sendable]] = [
        "adj": [\.adjectives], "adj-only": [\.adjectives, \.adjectivesOnly], "known": [\.known], "named": [\.named],
        "not-country": [\.notCountry], "not-event": [\.notEvent], "role": [\.inRole], "title": [\.inRole, \.inTitle],
        "list": [\.list], "wide-list": [\.list, \.wideList], "guessed": [\.guessed], "phrase": [\.phrase],
        "direct": [\.direct], "outside-prep": [\.direct, \.outsidePrep], "force": [\.force], "clause": [\.clause], "first": [\.first], "joined": [\.joined],
        "back-list": [\.backList], "not-led": [\.notLed], "lam": [\.lam], "not-state-body": [\.notStateBody],
        "comma-if-titled": [\.commaIfTitled],
        "people": [\.people], "role-owner": [\.roleOwner, \.adjectives], "not-patron": [\.notPatron],
    ]
}
