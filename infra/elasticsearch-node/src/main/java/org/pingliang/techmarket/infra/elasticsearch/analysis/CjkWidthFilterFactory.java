package org.pingliang.techmarket.infra.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * {@code cjk_width}: folds full-width ASCII (ＡＢＣ１２３) to plain ASCII and half-width Katakana
 * to full width. Normalizing, so keyword normalizers may use it too.
 */
final class CjkWidthFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    CjkWidthFilterFactory(String name) {
        super(name);
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new CJKWidthFilter(input);
    }
}
