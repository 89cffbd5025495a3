/// The word lists behind the cleaner: what web-page furniture looks like in Arabic (and English)
/// news pages. Phrases are written as they appear and compared after `ArabicNormalizer.normalize`,
/// word by word, punctuation ignored, so spelling variants (أ/ا, ى/ي, ة/ه, tanwin) match too.
///
/// These are general page elements (menus, notices, share bars, bylines, tags, counters), not
/// phrases of particular articles.
enum BoilerplateRules {
    // MARK: Whole lines

    /// A line that consists of exactly one of these (punctuation aside) is dropped, with the reason.
    static let wholeLines: [(reason: String, phrases: [String])] = [
        ("advertisement", [
            "إعلان", "إعلانات", "مساحة إعلانية", "إعلان ممول", "محتوى مدعوم", "محتوى ممول", "محتوى برعاية",
            "advertisement", "advertising", "ads", "ad", "sponsored", "sponsored content",
        ]),
        ("related-news link", [
            "اظهار أخبار متعلقة", "إخفاء أخبار متعلقة", "أخبار متعلقة", "أخبار ذات صلة", "مواضيع ذات صلة",
            "موضوعات ذات صلة", "مقالات ذات صلة", "مقالات متعلقة", "أخبار مشابهة", "قد يعجبك أيضا",
            "قد يهمك أيضا", "قد يهمك", "ننصحك بقراءة", "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا",
            "الأكثر تعليقا", "آخر الأخبار", "أحدث الأخبار", "المزيد من الأخبار", "اقرأ أيضا", "اقرأ المزيد",
            "شاهد أيضا", "المزيد", "related", "related news", "related articles", "read more", "read also",
            "see also", "more", "you may also like", "most read", "latest news",
        ]),
        ("navigation", [
            "الرئيسية", "الصفحة الرئيسية", "القائمة", "القائمة الرئيسية", "بحث", "ابحث", "العودة", "عودة",
            "رجوع", "السابق", "التالي", "إغلاق", "تسجيل الدخول", "الدخول", "اشترك", "اشترك الآن",
            "النشرة البريدية", "home", "menu", "search", "close", "next", "previous", "back", "login", "sign in",
            "subscribe", "english", "français", "عربي", "العربية", "تخطي إلى المحتوى", "skip to content",
            "حفظ", "استمع", "استمع للمقال", "استمع إلى المقال", "listen", "save", "bookmark",
        ]),
        ("section label", [
            "العالم العربي", "الشرق الأوسط", "العالم", "أخبار العالم", "عربي ودولي", "عربي و دولي",
            "عربية ودولية", "دولي", "دولية", "محليات", "محلي", "سياسة", "السياسة", "سياسة دولية", "اقتصاد",
            "الاقتصاد", "رياضة", "الرياضة", "ثقافة", "ثقافة وفن", "فن", "منوعات", "تكنولوجيا", "علوم", "صحة",
            "مجتمع", "أخبار", "الأخبار", "أخبار عاجلة", "عاجل", "تقارير", "تحقيقات", "مقالات", "مقالات الرأي",
            "رأي", "آراء", "حوارات", "فيديو", "صور", "بالصور", "بالفيديو", "شاهد", "شاهد الفيديو", "أفريقيا",
            "إفريقيا", "المغرب العربي", "الخليج", "world", "news", "politics", "middle east", "africa", "video",
            "photos", "gallery", "opinion", "breaking", "breaking news",
        ]),
        ("share or comment bar", [
            "شارك", "شارك الخبر", "شارك المقال", "شاركها", "مشاركة", "المشاركة", "طباعة", "نسخ الرابط",
            "تم نسخ الرابط", "رابط مختصر", "الرابط المختصر", "حجم الخط", "تكبير الخط", "تصغير الخط", "تعليقات",
            "التعليقات", "أضف تعليق", "اترك تعليقا", "تابعنا", "تابعونا", "فيسبوك", "فيس بوك", "تويتر", "واتساب",
            "واتس اب", "تيليجرام", "تلغرام", "انستغرام", "يوتيوب", "لينكد إن", "share", "tweet", "print", "email",
            "comments", "follow us", "facebook", "twitter", "whatsapp", "telegram", "linkedin",
        ]),
        ("byline or credit", [
            "وكالات", "متابعات", "المصدر", "خاص", "خاص ب", "مراسلون", "agencies",
        ]),
    ]

    // MARK: Line prefixes

    /// Notices and skip links that may be glued to the start of real text: the prefix is removed
    /// and the rest of the line kept.
    static let strippablePrefixes: [(reason: String, phrases: [String])] = [
        ("navigation", [
            "تخطي إلى المحتوى الرئيسي", "تخطي إلى المحتوى", "تخط إلى المحتوى", "تجاوز إلى المحتوى الرئيسي",
            "تجاوز إلى المحتوى", "انتقل إلى المحتوى الرئيسي", "انتقل إلى المحتوى", "الانتقال إلى المحتوى الرئيسي",
            "الانتقال إلى المحتوى", "اذهب إلى المحتوى", "skip to main content", "skip to content",
            "jump to content", "skip navigation",
        ]),
    ]

    /// How a line-dropping prefix must be followed to count.
    enum Follow {
        /// Anything (the phrase is unambiguous at the start of a line).
        case anything
        /// A separator (`:` `-` `–` `|` …) right after the phrase.
        case separator
        /// Nothing but a few words: no punctuation at all on the line ("كتب أحمد عرفة").
        case bareWords
    }

    /// Lines starting with one of these are dropped whole (they are links, tags, bylines, counters),
    /// if the line has at most `maxWords` words.
    static let droppingPrefixes: [(reason: String, follow: Follow, maxWords: Int, phrases: [String])] = [
        ("related-news link", .anything, 30, [
            "اقرأ أيضا", "إقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد", "شاهد أيضا", "طالع أيضا", "اطلع أيضا",
            "للمزيد من الأخبار", "للمزيد اضغط", "اضغط هنا", "read also", "read more", "see also", "related",
        ]),
        ("tag line", .separator, 40, [
            "الوسوم", "وسوم", "الكلمات المفتاحية", "كلمات مفتاحية", "الكلمات الدلالية", "كلمات دلالية",
            "مواضيع", "الموضوعات", "المواضيع", "تاغ", "التصنيف", "التصنيفات", "tags", "keywords", "topics",
            "categories", "filed under",
        ]),
        ("byline or credit", .separator, 12, [
            "كتب", "كتبت", "كتبه", "كتبها", "تحرير", "إعداد", "تقرير", "ترجمة", "المحرر", "الكاتب", "مراسل",
            "مراسلنا", "المصدر", "مصدر", "المصادر", "تصوير", "بقلم", "عدسة", "source", "sources", "author",
            "editor", "by", "photo", "credit", "reporting by", "writing by", "editing by",
        ]),
        ("byline or credit", .anything, 8, ["بقلم", "written by", "by"]),
        ("byline or credit", .bareWords, 5, ["كتب", "كتبت", "كتبه", "تحرير", "إعداد", "تقرير", "ترجمة", "تصوير"]),
        ("share or follow bar", .anything, 15, [
            "تابعونا على", "تابعنا على", "تابعوا", "شارك على", "شارك عبر", "شارك هذا", "للاشتراك",
            "اشترك في", "حمل تطبيق", "نزل تطبيق", "follow us on", "share on", "share this", "download our app",
        ]),
        ("copyright line", .anything, 25, [
            "جميع الحقوق محفوظة", "حقوق النشر", "حقوق الطبع", "جميع حقوق", "all rights reserved", "copyright",
        ]),
        ("page metadata", .separator, 6, [
            "رمز الخبر", "رقم الخبر", "كود الخبر", "معرف الخبر", "رقم المقال", "عدد المشاهدات", "عدد القراءات",
            "عدد الزيارات", "المشاهدات", "مشاهدات", "القراءات", "news id", "news code", "views",
        ]),
    ]

    /// Publication and update lines: kept, but always as a sentence of their own (they give the
    /// date that "today" in the text refers to).
    static let datelinePrefixes: [String] = [
        "تاريخ النشر", "تأريخ النشر", "نشر في", "نشر بتاريخ", "تم النشر", "تاريخ الإضافة", "آخر تحديث",
        "تاريخ التحديث", "تم التحديث", "published", "published on", "updated", "last updated", "posted on", "posted",
    ]

    // MARK: Notices ("page not available")

    /// A notice is a short sentence at the start of a line that starts with one of these words...
    static let noticeOpeners: [String] = [
        "الصفحة", "صفحة", "هذه الصفحة", "المحتوى", "هذا المحتوى", "الرابط", "هذا الرابط", "المقال",
        "هذا المقال", "الخبر", "هذا الخبر", "عذرا", "عفوا", "نأسف", "خطأ", "error", "sorry", "oops", "404",
        "page", "this page", "the page", "content", "the content", "this content",
    ]
    /// ...and says one of these.
    static let noticePredicates: [String] = [
        "غير متوفرة", "غير متوفر", "غير موجودة", "غير موجود", "غير متاحة", "غير متاح", "لم يعد",
        "لم يتم العثور", "لا يمكن العثور", "تعذر العثور", "تم حذف", "تم حذفه", "محذوف", "404",
        "not found", "no longer available", "not available", "unavailable", "does not exist",
        "could not be found", "has been removed",
    ]

    // MARK: Captions

    /// Photo credits: a final "( … )" group or a final "- …" part that names one of these marks the
    /// line as a caption.
    static let photoCredits: [String] = [
        "فيس بوك", "فيسبوك", "فيس", "تويتر", "إكس", "انستغرام", "انستجرام", "إنستغرام", "يوتيوب", "تيك توك",
        "تلغرام", "تليغرام", "أرشيف", "أرشيفية", "الأرشيف", "صورة", "الصورة", "مواقع التواصل",
        "التواصل الاجتماعي", "الإنترنت", "إنترنت", "رويترز", "فرانس برس", "أ ف ب", "ا ف ب", "اف ب", "أ.ف.ب",
        "أسوشيتد برس", "الأناضول", "وكالات", "متداولة", "متداول", "مواقع إخبارية",
        "getty", "getty images", "afp", "reuters", "ap", "epa", "anadolu", "file", "photo", "social media",
        "twitter", "facebook", "x", "instagram", "telegram", "youtube", "courtesy", "archive", "handout",
        "supplied",
    ]

    /// Words that open a caption line when a separator follows: "صورة: …", "الصورة - …".
    static let captionOpeners: [String] = ["صورة", "الصورة", "صورة أرشيفية", "photo", "image", "file photo"]

    // MARK: Counters

    /// "191 مشاهدات", "3 دقائق قراءة": a number with one of these, and nothing else.
    static let counterWords: Set<String> = normalizedSet([
        "مشاهدة", "مشاهدات", "قراءة", "قراءات", "زيارة", "زيارات", "تعليق", "تعليقات", "مشاركة", "مشاركات",
        "إعجاب", "دقيقة", "دقائق", "views", "view", "reads", "comments", "shares", "likes", "min", "read",
    ])

    // MARK: Dates

    /// Month and weekday names and date words: a line of only these and numbers is a date line.
    static let dateWords: Set<String> = normalizedSet([
        "يناير", "فبراير", "مارس", "أبريل", "إبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
        "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
        "تشرين", "الأول", "الثاني", "جانفي", "فيفري", "أفريل", "ماي", "جوان", "جويلية", "أوت",
        "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "يوم",
        "م", "هـ", "ه", "الموافق", "عام", "سنة", "الساعة", "صباحا", "مساء", "ص", "بتوقيت", "غرينتش", "gmt", "utc",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm",
    ])
    static let monthWords: Set<String> = normalizedSet([
        "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
        "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
        "جانفي", "فيفري", "أفريل", "ماي", "جوان", "جويلية", "أوت", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ])

    // MARK: Line joining

    /// Words after which a line cannot end a sentence (prepositions, conjunctions, relatives,
    /// particles): a line ending in one continues on the next line.
    static let continuationWords: Set<String> = normalizedSet([
        "من", "في", "إلى", "على", "عن", "مع", "أن", "إن", "أو", "ثم", "لكن", "بل", "كما", "مثل", "نحو", "عند",
        "تحت", "فوق", "دون", "بدون", "غير", "سوى", "لا", "لم", "لن", "قد", "كان", "كانت", "هو", "هي", "هذا",
        "هذه", "ذلك", "تلك", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "بين", "بعد",
        "قبل", "حول", "عبر", "ضد", "لدى", "منذ", "خلال", "حتى", "أمام", "وراء", "أثناء", "بسبب", "وفق", "وفقا",
        "حسب", "بحسب", "ضمن", "أي", "كل", "بعض", "جميع", "أم", "إذا", "إذ", "لأن", "كي", "لكي", "حيث", "عندما",
        "بينما", "ليس", "إلا", "أما", "أيضا", "ومن", "وفي", "وإلى", "وعلى", "وعن", "ومع", "وأن", "وإن", "فإن",
        "بأن", "بإن", "كأن", "لأن", "وبين", "وهو", "وهي", "ولا", "ولم", "ولن", "وقد", "فقد", "والتي", "والذي",
        "and", "or", "of", "the", "to", "in", "on", "at", "for", "with", "from", "by", "a", "an",
    ])

    /// Words that do not open a sentence: a line starting with one continues the line before it.
    static let nonInitialWords: Set<String> = normalizedSet([
        "إلى", "على", "عن", "مع", "بين", "حتى", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي",
        "عبر", "لدى", "ضد", "نحو", "دون", "سوى", "أو", "أم", "بأن", "أن", "إن", "لأن", "كي", "لكي", "حيث",
        "إذ", "بل", "سواء",
    ])

    // MARK: Helpers

    /// Normalised words of a phrase, as the tokenizer and normaliser see them.
    static func words(_ phrase: String) -> [String] {
        let scalars = Array(phrase.unicodeScalars)
        return Tokenizer.tokenize(scalars, begin: 0, end: scalars.count).filter(\.isWordLike).map(\.norm)
    }

    static func normalizedSet(_ list: [String]) -> Set<String> {
        Set(list.map(ArabicNormalizer.normalize))
    }
}
