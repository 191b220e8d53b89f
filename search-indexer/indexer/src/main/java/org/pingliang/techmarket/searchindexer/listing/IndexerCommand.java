package org.pingliang.techmarket.searchindexer.listing;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * One-off commands of the indexer jar, run beside the running instances (which keep consuming):
 * {@code java -jar search-indexer.jar reindex} rebuilds the index from the database and swaps the
 * alias; {@code ... reconcile} compares the database with the index once and repairs it. In a
 * command run this process neither consumes the stream nor serves HTTP.
 */
@Component
public class IndexerCommand implements ApplicationRunner {

  /** Property a command run sets (see {@code SearchIndexerApplication#main}). */
  public static final String PROPERTY = "techmarket.indexer.command";

  private final String command;
  private final ListingRebuild rebuild;
  private final ListingReconciliation reconciliation;
  private volatile Object result;

  IndexerCommand(@Value("${" + PROPERTY + ":}") String command, @org.springframework.context.annotation.Lazy ListingRebuild rebuild,
      @org.springframework.context.annotation.Lazy ListingReconciliation reconciliation) {
    this.command = command;
    this.rebuild = rebuild;
    this.reconciliation = reconciliation;
  }

  public boolean isCommandRun() {
    return !command.isBlank();
  }

  /** What the command did (printed by main). */
  public Object result() {
    return result;
  }

  @Override
  public void run(ApplicationArguments args) {
    var deadline = Duration.ofHours(6);
    switch (command) {
      case "" -> { }
      case "reindex" -> result = rebuild.rebuildFromDatabase().block(deadline);
      case "reconcile" -> result = reconciliation.run().block(deadline);
      default -> throw new IllegalArgumentException("unknown command " + command + " (reindex, reconcile)");
    }
  }
}
