import Foundation
import KBText

/// Start-up on several cores: the bundled tables an extraction needs are independent of each other (the gazetteer,
/// the rules with their lexicon and word ids, the labeller's model), each built once (`static let`) on first use.
/// ``Extractor/preloadBundled()`` starts building the rules and the model on other threads while the caller builds
/// the gazetteer (`Extractor()`), so on two cores start-up takes about the longest of them instead of their sum.
/// Nothing is built that the extraction would not build anyway, and a table asked for while it is being built is
/// waited for (`static let` is initialised once), so the result is the same.
extension Extractor {
    public static func preloadBundled() {
        DispatchQueue.global().async { _ = EntityRecognizer.nerModel }
        DispatchQueue.global().async {
            _ = RuleSet.sharedBundled
            _ = RuleVocabulary.count
        }
    }
}
