import KBGraph
import KBText

/// A calendar expression found in a sentence.
struct DateMention {
    var range: Range<Int>      // token indices
    var begin: Int             // scalar offsets in the document
    var end: Int
    var surface: String
    var date: FactDate
    /// True for "الماضي"/"المقبل" expressions resolved (or not) against the publication date.
    var relative: Bool
}

/// Reads Arabic dates: MSA, Levantine and Maghrebi month names ("أغسطس", "آب", "آب/ أغسطس", "أوت"),
/// day-month-year ("7 أغسطس 2018", "31 مايو 2024م"), "مايو 23, 2025", years ("عام 2015"),
/// and months relative to the publication date ("مارس الماضي", "الشهر المقبل" is not a calendar date).
enum DateParser {
    /// normalised month word → month number. Two-word Levantine months are matched in `monthAt`.
    static let singleMonths: [String: Int] = {
        var m: [String: Int] = [:]
        let table: [(String, Int)] = [
            ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("إبريل", 4), ("مايو", 5),
            ("يونيو", 6), ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8), ("اغسطس", 8), ("سبتمبر", 9),
            ("أكتوبر", 10), ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12), ("دجنبر", 12),
            ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6), ("تموز", 7), ("آب", 8),
            ("أيلول", 9),
            ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7), ("أوت", 8),
            ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
            ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ]
        for (w, n) in table { m[ArabicNormalizer.normalize(w)] = n }
        return m
    }()

    static let kanun = ArabicNormalizer.normalize("كانون")
    static let tishrin = ArabicNormalizer.normalize("تشرين")
    static let first = ArabicNormalizer.normalize("الأول")
    static let second = ArabicNormalizer.normalize("الثاني")
    static let past = Lexicon.set("الماضي الفائت المنصرم السابق")
    static let weekdays = Lexicon.set("السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة")
    /// normalised weekday → its number (0 = Sunday)
    static let weekdayNumbers: [String: Int] = {
        var m: [String: Int] = [:]
        for (w, n) in [("الأحد", 0), ("الاثنين", 1), ("الإثنين", 1), ("الثلاثاء", 2), ("الأربعاء", 3), ("الخميس", 4),
                       ("الجمعة", 5), ("السبت", 6)] { m[ArabicNormalizer.normalize(w)] = n }
        return m
    }()
    /// Words before a weekday that make it a day ("يوم الأحد", "مساء الاثنين"); "الاثنين" ("the two") needs one.
    static let weekdayLead = Lexicon.set("يوم مساء صباح ظهر عصر فجر ليلة ليل نهار")
    /// Ordinal day numbers before "من" + a month ("السادس من أغسطس", "الحادي والعشرين من مايو").
    static let ordinalUnits: [String: Int] = {
        var m: [String: Int] = [:]
        for (w, n) in [("الأول", 1), ("الحادي", 1), ("الثاني", 2), ("الثالث", 3), ("الرابع", 4), ("الخامس", 5), ("السادس", 6),
                       ("السابع", 7), ("الثامن", 8), ("التاسع", 9), ("العاشر", 10)] { m[ArabicNormalizer.normalize(w)] = n }
        return m
    }()
    static let ordinalTens: [String: Int] = [ArabicNormalizer.normalize("العشرين"): 20, ArabicNormalizer.normalize("الثلاثين"): 30]
    /// The tables above keyed by ``NormKey`` (the meaning of `String` keys, hashed on bytes): asked for every token
    /// that may start a date, where the `String` keys hashed Arabic through the Unicode tables.
    static let ordinalUnitKeys = Dictionary(uniqueKeysWithValues: ordinalUnits.map { (NormKey($0.key), $0.value) })
    static let ordinalTenKeys = Dictionary(uniqueKeysWithValues: ordinalTens.map { (NormKey($0.key), $0.value) })
    static let weekdayNumberKeys = Dictionary(uniqueKeysWithValues: weekdayNumbers.map { (NormKey($0.key), $0.value) })
    static let teen = ArabicNormalizer.normalize("عشر")
    static let hadi = ArabicNormalizer.normalize("الحادي")

    /// An ordinal day at token j followed by "من" and a month: the day and the index of the month.
    static func ordinalDay(_ t: [Token], _ j: Int) -> (day: Int, next: Int)? {
        guard j < t.count else { return nil }
        let w = t[j].norm
        var day: Int, k = j + 1
        if let tens = ordinalTenKeys[NormKey(w)] { day = tens }
        else if let u = ordinalUnitKeys[NormKey(w)] {
            let n = k < t.count ? t[k].norm : ""
            if n == teen { day = u + 10; k += 1 }
            else if n.hasPrefix("و"), let tens = ordinalTenKeys[NormKey(String(n.dropFirst()))] { day = tens + u; k += 1 }
            else if w == hadi { return nil }
            else { day = u }
        } else { return nil }
        guard (1...31).contains(day), k + 1 < t.count, t[k].norm == "من", monthAt(t, k + 1) != nil else { return nil }
        return (day, k + 1)
    }

    /// Day of the week of an ISO date (0 = Sunday).
    static func weekday(of iso: String) -> Int? {
        let p = iso.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3, (1...12).contains(p[1]) else { return nil }
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = p[1] < 3 ? p[0] - 1 : p[0]
        return (y + y / 4 - y / 100 + y / 400 + t[p[1] - 1] + p[2]) % 7
    }

    /// "الأحد", "يوم الأحد", "مساء الاثنين", "الأحد الماضي", "الخميس المقبل" at token i, dated against `today`:
    /// the last such day on or before it (strictly before with "الماضي", the next one after it with "المقبل").
    /// Nil when a calendar date follows ("الأحد 16 يوليو": that date is read instead).
    static func weekdayDate(_ t: [Token], _ i: Int, today: String) -> (FactDate, Int)? {
        guard let wd = weekdayNumberKeys[NormKey(t[i].norm)], let tw = weekday(of: today) else { return nil }
        let prev = i > 0 ? t[i - 1].norm : ""
        let next = i + 1 < t.count ? t[i + 1].norm : ""
        if wd == 1, !weekdayLead.contains(prev), !(i > 0 && t[i - 1].kind == .punctuation), !past.contains(next), !coming.contains(next) {
            return nil
        }
        if i + 1 < t.count, number(t[i + 1]) != nil || ordinalDay(t, i + 1) != nil { return nil }
        var end = i + 1
        var shift = -((tw - wd + 7) % 7)
        if end < t.count, past.contains(t[end].norm) { if shift == 0 { shift = -7 }; end += 1 }
        else if end < t.count, coming.contains(t[end].norm) { shift = (wd - tw + 7) % 7; if shift == 0 { shift = 7 }; end += 1 }
        guard let v = self.shift(today, days: shift) else { return nil }
        return (FactDate(value: v, precision: .day), end)
    }

    /// `YYYY-MM-DD` moved by some days (Gregorian, no time zone involved).
    static func shift(_ iso: String, days: Int) -> String? {
        let p = iso.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return nil }
        var (y, m, d) = (p[0], p[1], p[2] + days)
        func length(_ y: Int, _ m: Int) -> Int {
            [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        }
        while d < 1 { m -= 1; if m < 1 { m = 12; y -= 1 }; d += length(y, m) }
        while d > length(y, m) { d -= length(y, m); m += 1; if m > 12 { m = 1; y += 1 } }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
    static let coming = Lexicon.set("المقبل القادم")
    static let current = Lexicon.set("الجاري الحالي")
    static let yearWords = Lexicon.set("عام العام سنة السنة لعام عامي")
    /// Prepositions of time before a bare year ("في 2020", "منذ 2013").
    static let yearPrepositions = Lexicon.set("في منذ خلال حتى وفي ومنذ")
    static let monthWord = Lexicon.set("شهر الشهر")
    /// Words before a bare month name that make it a date ("نهاية يوليو", "منتصف أبريل").
    static let monthLead = Lexicon.set("في خلال منذ حتى نهاية بداية منتصف مطلع أواخر أوائل أواسط بحلول قبل بعد")

    /// The month at token `i` (after a clitic such as ب/في-less "بآب"), with the index after it.
    static func monthAt(_ t: [Token], _ i: Int) -> (month: Int, next: Int)? {
        guard i < t.count else { return nil }
        if t[i].kind == .latin, let m = singleMonths[t[i].norm.lowercased()] { return (m, i + 1) }
        guard t[i].kind == .word else { return nil }
        for step in Clitics.monthSteps(t[i].norm, monthSteps) {
            switch step {
            case .kanun, .tishrin:
                guard i + 1 < t.count else { continue }
                let n = t[i + 1].norm
                if step == .kanun && n == second { return (1, i + 2) }
                if step == .kanun && n == first { return (12, i + 2) }
                if step == .tishrin && n == first { return (10, i + 2) }
                if step == .tishrin && n == second { return (11, i + 2) }
            case .month(let m):
                return (m, i + 1)
            }
        }
        return nil
    }

    /// What `monthAt` checks for a word, in order (the word and its clitic-free stems): a two-word
    /// month's first word, or a month name (which ends the list). Remembered per word (`Clitics`).
    enum MonthStep: Equatable { case kanun, tishrin, month(Int) }

    static func monthSteps(_ w: String) -> [MonthStep] {
        var out: [MonthStep] = []
        for c in [w] + Clitics.of(w).map(\.stem) {
            if c == kanun { out.append(.kanun) } else if c == tishrin { out.append(.tishrin) }
            if let m = singleMonths[c] { out.append(.month(m)); break }
        }
        return out
    }

    /// "اليوم", "أمس" (or أمس behind a clitic): the words `dates` reads as the publication day or the day before.
    static func isDayWord(_ n: String) -> Bool {
        n == "اليوم" || n == "امس" || Clitics.of(n).contains(where: { $0.stem == "امس" })
    }

    /// "عام", "سنة", "لعام" …: a word that introduces a bare year.
    static func isYearWord(_ n: String) -> Bool {
        yearWords.contains(n) || Clitics.of(n).contains(where: { yearWords.contains($0.stem) })
    }

    /// False when a non-number token with this normalised form can start no date in `dates`: it is no month
    /// word ("شهر"), month name (alone, behind a clitic, or the first word of "كانون الثاني"), day word or year word.
    static func dateCue(_ n: String) -> Bool {
        // (the same answer as `slowDateCue`, with `NormKey` sets — `String` equality — instead of a String hash per table)
        let k = NormKey(n)
        if cueWords.contains(k) || cueStems.contains(k) { return true }
        for c in Clitics.of(n) where cueStems.contains(NormKey(c.stem)) { return true }
        // a word in capitals ("March") is a month name in lower case: only a word with a scalar outside ASCII lower case
        // and the Arabic block can change when lowercased
        let caseless = n.unicodeScalars.allSatisfy { $0.value < 0x41 || ($0.value > 0x5A && $0.value < 0x80) || (0x0600...0x06FF).contains($0.value) }
        return !caseless && singleMonths[n.lowercased()] != nil
    }

    /// `dateCue` as first written (the tests compare the two).
    static func slowDateCue(_ n: String) -> Bool {
        monthWord.contains(n) || singleMonths[n.lowercased()] != nil || !monthSteps(n).isEmpty || isDayWord(n) || isYearWord(n)
            || weekdayNumbers[n] != nil || ordinalUnits[n] != nil || ordinalTens[n] != nil
    }

    /// Words that make `dateCue` true as the word or as a clitic-free stem of it (`monthSteps`, `isDayWord`, `isYearWord`) …
    static let cueStems: Set<NormKey> = Set(([kanun, tishrin, "امس"] + Array(singleMonths.keys) + Array(yearWords)).map(NormKey.init))
    /// … and as the word itself only.
    static let cueWords: Set<NormKey> = Set((["اليوم"] + Array(monthWord) + Array(weekdayNumbers.keys) + Array(ordinalUnits.keys)
        + Array(ordinalTens.keys)).map(NormKey.init))

    /// A number token's value (handles a trailing "م" for the Gregorian era: "2024م").
    static func number(_ t: Token) -> Int? { number(norm: t.norm) }

    /// A numeric date at token i, written as one token ("27.01.2026") or as numbers and separators
    /// ("27", ".", "01", ".", "2026"); the day comes first unless the year does (ISO).
    static func numericDate(_ t: [Token], _ i: Int) -> (FactDate, Int)? {
        guard leadingDigit(t[i].norm) & 3 != 0 else { return nil }
        // most numbers are no date: with no separator byte in the token («.», «/», «-») the reading below takes the
        // numbers-and-separators branch, which needs the next token to be one of them alone (its one `Character`
        // equal to «.», «/» or «-»: those bytes, no other spelling is canonically equal)
        if !Self.hasSeparatorByte(t[i].norm),
           !(i + 2 < t.count && t[i + 1].kind == .punctuation && Self.isSeparator(t[i + 1].text)) { return nil }
        var parts: [String] = []
        var end = i
        let seps: Set<Character> = [".", "/", "-"]
        let one = ArabicDigits.toASCII(t[i].norm)
        if one.contains(where: { seps.contains($0) }) {
            parts = one.split(whereSeparator: { seps.contains($0) }).map(String.init)
            end = i + 1
        } else {
            var k = i
            while k < t.count, parts.count < 3 {
                let w = ArabicDigits.toASCII(t[k].norm)
                guard !w.isEmpty, w.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                parts.append(w)
                if parts.count == 3 { break }
                guard k + 2 < t.count, t[k + 1].kind == .punctuation, t[k + 1].text.count == 1,
                      seps.contains(t[k + 1].text.first!), t[k + 1].begin == t[k].end, t[k + 2].begin == t[k + 1].end else { return nil }
                k += 2
            }
            end = k + 1
        }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let n = parts.compactMap { Int($0) }
        guard n.count == 3 else { return nil }
        let (y, m, d): (Int, Int, Int) = parts[0].count == 4 ? (n[0], n[1], n[2]) : (n[2], n[1], n[0])
        guard (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d), parts[0].count == 4 || parts[2].count == 4 else { return nil }
        return (FactDate(value: "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))", precision: .day), end)
    }

    static func pad(_ n: Int, _ w: Int) -> String {
        let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s
    }

    /// Finds every date expression in a sentence. `published` is the document date (`YYYY-MM-DD`, `YYYY-MM` or nil).
    /// `today` dates "اليوم"/"أمس" (the publication date, or a dateline printed in the text); relative
    /// months ("مارس الماضي") are resolved only against `published`, the sidecar's publication date.
    /// `startingBy`: only the dates read from a token at or before it (the dates `dates` finds first, in order: a
    /// date read at token i starts at i or at the month word right before it).
    static func dates(in t: [Token], published: String?, today: String? = nil, startingBy last: Int = Int.max) -> [DateMention] {
        let today = today ?? published
        var out: [DateMention] = []
        var i = 0
        let pubYear = published.flatMap { Int($0.prefix(4)) }
        let pubMonth: Int? = published.flatMap { p in p.count >= 7 ? Int(p.dropFirst(5).prefix(2)) : nil }
        while i < t.count, i <= last {
            // (a token that starts with no digit is neither a numeric date nor a number: read from its first bytes)
            // (its normalised form read once: each `t[i].norm` retained and released it)
            let norm = t[i].norm
            let digit = leadingDigit(norm)
            // "27.01.2026", "27/01/2026", "2026-01-27": an all-numeric date (day first, or ISO)
            if digit & 3 != 0, let (value, end) = numericDate(t, i) {
                out.append(DateMention(range: i..<end, begin: t[i].begin, end: t[end - 1].end, surface: "", date: value, relative: false))
                i = end; continue
            }
            // most tokens are no part of a date: one remembered test rules them out (see `dateCue`)
            // (a word of Arabic letters that ends as no cue word does is none, without the look-up: DateParser+CueShape.swift)
            if digit == 0 || number(norm: norm) == nil, !(mayBeCue(norm) && Clitics.dateCue(norm, dateCue)) {
                i += 1; continue
            }
            var start = i
            var day: Int? = nil
            var j = i
            // optional day before the month
            if let (d, next) = ordinalDay(t, j) { day = d; j = next }
            else if let d = number(t[j]), (1...31).contains(d), monthAt(t, j + 1) != nil { day = d; j += 1 }
            // "28-ديسمبر-2023"
            else if let d = number(t[j]), (1...31).contains(d), j + 2 < t.count, t[j + 1].text == "-", monthAt(t, j + 2) != nil {
                day = d; j += 2
            }
            if monthWord.contains(t[j].norm) && monthAt(t, j + 1) != nil { j += 1 }
            if let (m, afterMonth) = monthAt(t, j) {
                var k = afterMonth
                // "آب/ أغسطس", "مارس/آذار", "مايو أيار": a second name for the same month
                if k < t.count, t[k].text == "/" , let (m2, a2) = monthAt(t, k + 1), m2 == m { k = a2 }
                else if let (m2, a2) = monthAt(t, k), m2 == m { k = a2 }
                // "مايو 23, 2025"
                if day == nil, k < t.count, let d = number(t[k]), (1...31).contains(d), k + 1 < t.count {
                    var y = k + 1
                    if y < t.count, t[y].kind == .punctuation, t[y].text == "," || t[y].text == "،" { y += 1 }
                    if y < t.count, let yr = number(t[y]), yr >= 1900 { day = d; k = y }
                }
                var year: Int? = nil
                if k + 1 < t.count, t[k].text == "-", let y = number(t[k + 1]), y >= 1900, y <= 2100 { year = y; k += 2 }
                else if k < t.count, let y = number(t[k]), y >= 1900, y <= 2100 { year = y; k += 1 }
                else if day != nil, k < t.count, let y = number(t[k]), y >= 1900 { year = y; k += 1 }
                else if k + 1 < t.count, yearWords.contains(t[k].norm), let y = number(t[k + 1]), y >= 1900 { year = y; k += 2 }
                var relative = false
                var spanEnd = k
                if year != nil, k < t.count, t[k].norm == "م", t[k].begin == t[k - 1].end { k += 1; spanEnd = k }   // "2024م"
                // "28 يونيو الجاري": the month of the dateline or publication date
                if year == nil, k < t.count, current.contains(t[k].norm), let ty = today.flatMap({ Int($0.prefix(4)) }) {
                    year = ty; k += 1
                } else if year == nil, k < t.count, past.contains(t[k].norm) || coming.contains(t[k].norm) {
                    relative = true
                    if let py = pubYear, let pm = pubMonth {
                        if past.contains(t[k].norm) { year = m < pm ? py : py - 1 } else { year = m > pm ? py : py + 1 }
                    } else if let py = pubYear, pubMonth == nil, past.contains(t[k].norm) {
                        year = py
                    }
                    k += 1
                }
                if day == nil && year == nil && !relative && monthWord.contains(t[max(0, start - 1)].norm) == false {
                    // a bare month name without day/year/relative word: accept only after "شهر" or "في"
                    let prev = start > 0 ? t[start - 1].norm : ""
                    if !monthLead.contains(prev) && !monthWord.contains(prev) { i += 1; continue }
                }
                if start > 0, monthWord.contains(t[start - 1].norm) { start -= 1 }
                let value: FactDate
                switch (day, year) {
                case let (d?, y?): value = FactDate(value: "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))", precision: .day)
                case let (nil, y?): value = FactDate(value: "\(pad(y, 4))-\(pad(m, 2))", precision: .month)
                case let (d?, nil): value = FactDate(value: "--\(pad(m, 2))-\(pad(d, 2))", precision: .dayMonth)
                case (nil, nil): value = FactDate(value: "--\(pad(m, 2))", precision: .monthOnly)
                }
                if !relative { spanEnd = k }
                out.append(DateMention(range: start..<spanEnd, begin: t[start].begin, end: t[spanEnd - 1].end,
                                       surface: "", date: value, relative: relative))
                i = k
                continue
            }
            // "اليوم (الأربعاء)", "أمس": the publication day, when the text or its sidecar gives one
            if let pub = today, pub.count == 10, t[i].kind == .word,
               Clitics.isDayWord(t[i].norm, isDayWord) {
                let yesterday = t[i].norm != "اليوم"
                var end = i + 1
                if end < t.count, weekdays.contains(t[end].norm) { end += 1 }
                if !yesterday || true, let v = yesterday ? shift(pub, days: -1) : pub {
                    out.append(DateMention(range: i..<end, begin: t[i].begin, end: t[end - 1].end, surface: "",
                                           date: FactDate(value: v, precision: .day), relative: true))
                }
                i = end
                continue
            }
            // "الأحد", "مساء الاثنين", "الخميس الماضي": a weekday near the dateline or publication day
            if let pub = today, pub.count == 10, let (v, end) = weekdayDate(t, i, today: pub) {
                out.append(DateMention(range: i..<end, begin: t[i].begin, end: t[end - 1].end, surface: "", date: v, relative: true))
                i = end
                continue
            }
            // a bare year after a preposition of time ("في 2020", "منذ 2013"), or joined to one ("في 2020 و2021")
            if i > 0, let y = number(t[i]), y >= 1950, y <= 2100, yearPrepositions.contains(t[i - 1].norm)
                || (out.last.map { $0.range.upperBound == i - 1 && $0.date.precision == .year } == true && t[i - 1].norm == "و") {
                out.append(DateMention(range: i..<(i + 1), begin: t[i].begin, end: t[i].end, surface: "",
                                       date: FactDate(value: pad(y, 4), precision: .year), relative: false))
                i += 1
                continue
            }
            if i > 0, t[i].norm.hasPrefix("و"), let y = Int(String(ArabicDigits.toASCII(t[i].norm).dropFirst())), y >= 1950, y <= 2100,
               out.last.map({ $0.range.upperBound == i && $0.date.precision == .year }) == true {
                out.append(DateMention(range: i..<(i + 1), begin: t[i].begin, end: t[i].end, surface: "",
                                       date: FactDate(value: pad(y, 4), precision: .year), relative: false))
                i += 1
                continue
            }
            // "عام 2015", "أوائل عام 2019", "سنة 2012"
            if i + 1 < t.count, let y = number(t[i + 1]), y >= 1900, y <= 2100, isYearWord(t[i].norm) {
                out.append(DateMention(range: i..<(i + 2), begin: t[i].begin, end: t[i + 1].end, surface: "",
                                       date: FactDate(value: pad(y, 4), precision: .year), relative: false))
                i += 2
                continue
            }
            i += 1
        }
        return out
    }
}
