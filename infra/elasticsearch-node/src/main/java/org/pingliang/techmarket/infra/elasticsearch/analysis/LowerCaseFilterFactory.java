package org.pingliang.techmarket.infra.elasticsearch.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * {@code lowercase} with its optional {@code language} (greek, irish, turkish), whose rules differ
 * from plain Unicode lower-casing. An unknown language is an error rather than a silent fallback.
 */
final class LowerCaseFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    private final UnaryOperator<TokenStream> filter;

    LowerCaseFilterFactory(String name, Settings settings) {
        super(name);
        String language = settings.get("language");
        filter = language == null ? LowerCaseFilter::new : forLanguage(name, language);
    }

    private static UnaryOperator<TokenStream> forLanguage(String name, String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "greek" -> GreekLowerCaseFilter::new;
            case "irish" -> IrishLowerCaseFilter::new;
            case "turkish" -> TurkishLowerCaseFilter::new;
            default -> throw new IllegalArgumentException(
                    "[" + name + "] unsupported language [" + language + "], expected greek, irish or turkish");
        };
    }

    @Override
    public TokenStream create(TokenStream input) {
        return filter.apply(input);
    }
}
