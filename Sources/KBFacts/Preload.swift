import Foundation
import KBText

/// Start-up on several cores: the bundled tables an extraction needs are independent of each other (the gazetteer,
/// the rules with their lexicon and word ids, the labeller's model), each built once (`static let`) on first use.
/// ``Extractor/preloadBundled()`` starts building the rules and the model on other threads while the caller builds
/// the gazetteer (`Extractor()`), so on two cores start-up takes about the longest of them instead of their sum.
/// Nothing is built that the extraction would not build anyway, and a table asked for while it is being built is
/// waited for (`static let` is initialised once), so the result is the same.
extension Extractor {
    public static func preloadBundled() { _ = preloading }

    /// ``preloadBundled()`` and the gazetteer on another thread too: for a caller that has other work to do before
    /// it makes its `Extractor()` (the command line lists and sniffs its inputs meanwhile).
    public static func preloadBundledWithGazetteer() {
        preloadBundled()
        _ = preloadingGazetteer
    }

    /// The rules and the model started once, however often they are asked for.
    private static let preloading: Void = {
        DispatchQueue.global().async { _ = EntityRecognizer.nerModel }
        DispatchQueue.global().async {
            _ = RuleSet.sharedBundled
            _ = RuleVocabulary.count
        }
    }()

    private static let preloadingGazetteer: Void = {
        DispatchQueue.global().async { _ = Gazetteer.bundled }
    }()
}
