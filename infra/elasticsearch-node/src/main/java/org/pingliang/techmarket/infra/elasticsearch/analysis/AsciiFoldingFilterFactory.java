package org.pingliang.techmarket.infra.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code asciifolding}: café becomes cafe. {@code preserve_original} also keeps the unfolded
 * token at the same position.
 */
final class AsciiFoldingFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    private final boolean preserveOriginal;

    AsciiFoldingFilterFactory(String name, Settings settings) {
        super(name);
        preserveOriginal = settings.getAsBoolean("preserve_original", false);
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new ASCIIFoldingFilter(input, preserveOriginal);
    }

    /** A normalizer must yield exactly one token, so the original is never kept here. */
    @Override
    public TokenStream normalize(TokenStream input) {
        return new ASCIIFoldingFilter(input, false);
    }

    /**
     * Synonym rules cannot be parsed from stacked tokens; folding alone keeps rules such as
     * "café, coffee" matching the folded text.
     */
    @Override
    public TokenFilterFactory getSynonymFilter() {
        if (!preserveOriginal) {
            return this;
        }
        AsciiFoldingFilterFactory self = this;
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return self.name();
            }

            @Override
            public TokenStream create(TokenStream input) {
                return self.normalize(input);
            }
        };
    }
}
