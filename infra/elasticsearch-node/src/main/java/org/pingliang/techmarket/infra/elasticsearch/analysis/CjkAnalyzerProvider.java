package org.pingliang.techmarket.infra.elasticsearch.analysis;

import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;

/**
 * {@code cjk}: Lucene's CJKAnalyzer (width folding, lower-casing, bigrams of Han, Hiragana,
 * Katakana and Hangul, English stop words). {@code stopwords} and {@code stopwords_path} work as
 * on every official language analyzer because the server's own parser reads them.
 */
final class CjkAnalyzerProvider extends AbstractIndexAnalyzerProvider<CJKAnalyzer> {

    private final CJKAnalyzer analyzer;

    CjkAnalyzerProvider(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        analyzer = new CJKAnalyzer(Analysis.parseStopWords(env, settings, CJKAnalyzer.getDefaultStopSet()));
    }

    @Override
    public CJKAnalyzer get() {
        return analyzer;
    }
}
