package org.pingliang.techmarket.infra.elasticsearch;

/**
 * A start-up problem the operator can fix (bad variable, port taken). The launcher prints only
 * its message: a stack trace would hide the one line that matters.
 */
final class StartupFailure extends RuntimeException {

    StartupFailure(String message) {
        super(message);
    }
}
