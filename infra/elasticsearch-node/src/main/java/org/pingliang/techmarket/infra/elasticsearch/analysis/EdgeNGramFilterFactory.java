package org.pingliang.techmarket.infra.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code edge_ngram} filter: prefixes of each token (search-as-you-type on analysed text).
 * Parameters: {@code min_gram}, {@code max_gram}, {@code preserve_original}.
 */
final class EdgeNGramFilterFactory extends AbstractTokenFilterFactory {

    private final NGramSizes sizes;
    private final boolean preserveOriginal;

    EdgeNGramFilterFactory(String name, Settings settings) {
        super(name);
        sizes = NGramSizes.read(name, settings);
        preserveOriginal = settings.getAsBoolean("preserve_original", false);
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new EdgeNGramTokenFilter(input, sizes.min(), sizes.max(), preserveOriginal);
    }

    /** Grams change offsets in ways the fast vector highlighter cannot follow. */
    @Override
    public boolean breaksFastVectorHighlighter() {
        return true;
    }

    /** Synonym rules made of prefixes would be nonsense, so refuse as the official filter does. */
    @Override
    public TokenFilterFactory getSynonymFilter() {
        throw new IllegalArgumentException(
                "Token filter [" + name() + "] cannot be used to parse synonyms except as part of an explicit synonym filter parameter");
    }
}
