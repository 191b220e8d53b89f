package org.pingliang.techmarket.infra.elasticsearch.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

import java.util.function.IntPredicate;

/**
 * {@code edge_ngram} tokenizer: prefixes of each word, where words are runs of the configured
 * {@code token_chars}. Parameters: {@code min_gram}, {@code max_gram}, {@code token_chars},
 * {@code custom_token_chars}.
 */
final class EdgeNGramTokenizerFactory extends AbstractTokenizerFactory {

    private final NGramSizes sizes;
    private final IntPredicate tokenChars;

    EdgeNGramTokenizerFactory(String name, Settings settings) {
        super(name);
        sizes = NGramSizes.read(name, settings);
        tokenChars = TokenChars.read(name, settings);
    }

    @Override
    public Tokenizer create() {
        if (tokenChars == null) {
            return new EdgeNGramTokenizer(sizes.min(), sizes.max());
        }
        IntPredicate accepted = tokenChars;
        return new EdgeNGramTokenizer(sizes.min(), sizes.max()) {
            @Override
            protected boolean isTokenChar(int c) {
                return accepted.test(c);
            }
        };
    }
}
