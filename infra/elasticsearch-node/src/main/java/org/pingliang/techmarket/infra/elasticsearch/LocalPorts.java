package org.pingliang.techmarket.infra.elasticsearch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks ports before the node starts: a port clash otherwise surfaces as a bind exception deep in
 * a netty stack trace, after several seconds of start-up.
 */
final class LocalPorts {

    private LocalPorts() {
    }

    /** Port 0 asks for any free port, so there is nothing to check. */
    static void requireFree(InetAddress host, int port, String variable) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            // Same option the node binds with, so a port in TIME_WAIT does not count as taken.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException taken) {
            throw new StartupFailure(host.getHostAddress() + ":" + port + " (" + variable + ") is already in use: "
                    + "stop whatever listens there or choose another port");
        }
    }
}
