package org.pingliang.techmarket.infra.elasticsearch.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

/**
 * The analysis components our indices use, registered under the names and parameters of the
 * official analysis-common module. That module is not published on Maven Central; keeping its
 * names means the same index settings work unchanged on an official Elasticsearch distribution.
 *
 * <p>{@code lowercase} also exists in the server as a pre-configured filter; registering it here
 * adds the configurable form ({@code "type": "lowercase", "language": ...}) exactly as
 * analysis-common does.
 */
public final class TechmarketAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("cjk", CjkAnalyzerProvider::new);
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
                "cjk_bigram", (index, env, name, settings) -> new CjkBigramFilterFactory(name, settings),
                "cjk_width", (index, env, name, settings) -> new CjkWidthFilterFactory(name),
                "lowercase", (index, env, name, settings) -> new LowerCaseFilterFactory(name, settings),
                "asciifolding", (index, env, name, settings) -> new AsciiFoldingFilterFactory(name, settings),
                "edge_ngram", (index, env, name, settings) -> new EdgeNGramFilterFactory(name, settings),
                // Without rules a synonym filter is meaningless, so it is only built when configured.
                "synonym", requiresAnalysisSettings((index, env, name, settings) ->
                        new SynonymFilterFactory(SynonymFilterFactory.Kind.FLAT, env, name, settings)),
                "synonym_graph", requiresAnalysisSettings((index, env, name, settings) ->
                        new SynonymFilterFactory(SynonymFilterFactory.Kind.GRAPH, env, name, settings)));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("edge_ngram", (index, env, name, settings) -> new EdgeNGramTokenizerFactory(name, settings));
    }
}
