package org.pingliang.techmarket.infra.elasticsearch;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.elasticsearch.node.Node;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Owns the started node until the JVM is asked to stop. The node's own threads are daemons, so
 * the main thread waits here; a shutdown hook closes the node so SIGTERM flushes and releases
 * the data directory lock instead of dropping in-flight work.
 */
final class RunningNode {

    private static final Logger LOG = LogManager.getLogger(RunningNode.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 30;

    private final Node node;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private RunningNode(Node node) {
        this.node = node;
    }

    static RunningNode start(ElasticsearchNode.Prepared prepared) throws Exception {
        long startNanos = System.nanoTime();
        RunningNode running = new RunningNode(new Node(prepared.environment(), prepared.plugins()));
        Thread shutdownHook = new Thread(running::stop, "elasticsearch-node-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            running.node.start();
        } catch (Exception e) {
            removeQuietly(shutdownHook);
            running.closeQuietly();
            throw e;
        }
        LOG.info("node ready in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return running;
    }

    void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        try {
            LOG.info("stopping node on shutdown signal");
            node.prepareForClose();
            node.close();
            if (!node.awaitClose(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("node did not close within {} s", CLOSE_TIMEOUT_SECONDS);
            }
            LOG.info("node closed cleanly");
        } catch (IOException | RuntimeException e) {
            LOG.error("failed to close the node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // log4j's own shutdown hook is disabled (-Dlog4j.shutdownHookEnabled=false) so the
            // close messages above still reach the console; flush and stop it last.
            Configurator.shutdown((LoggerContext) LogManager.getContext(false));
            stopped.countDown();
        }
    }

    private static void removeQuietly(Thread shutdownHook) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            LOG.debug("JVM already shutting down; the hook closes the node");
        }
    }

    private void closeQuietly() {
        try {
            node.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("failed to close the node after a failed start", e);
        }
    }
}
