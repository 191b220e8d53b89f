package org.pingliang.techmarket.searchindexer;

import java.util.Arrays;
import java.util.Set;
import org.pingliang.techmarket.searchindexer.listing.IndexerCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The search side of the platform: turns listing events into Elasticsearch documents and serves
 * search and matching. Runs as its own process; several instances share the event stream.
 *
 * <p>{@code java -jar search-indexer.jar reindex|reconcile} runs one command and exits (see
 * {@link IndexerCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SearchIndexerApplication {

  private static final Set<String> COMMANDS = Set.of("reindex", "reconcile");

  public static void main(String[] args) {
    if (args.length > 0 && COMMANDS.contains(args[0])) {
      var context = new SpringApplicationBuilder(SearchIndexerApplication.class)
          .web(WebApplicationType.NONE)
          .properties(IndexerCommand.PROPERTY + "=" + args[0])
          .run(Arrays.copyOfRange(args, 1, args.length));
      System.out.println(args[0] + ": " + context.getBean(IndexerCommand.class).result());
      System.exit(SpringApplication.exit(context));
    }
    SpringApplication.run(SearchIndexerApplication.class, args);
  }
}
