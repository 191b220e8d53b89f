package org.pingliang.techmarket.searchindexer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The search side of the platform: turns listing events into Elasticsearch documents and serves
 * search and matching. Runs as its own process; several instances share the event stream.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SearchIndexerApplication {

  public static void main(String[] args) {
    SpringApplication.run(SearchIndexerApplication.class, args);
  }
}
