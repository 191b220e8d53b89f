package org.pingliang.techmarket.infra.elasticsearch;

import org.elasticsearch.common.settings.Settings;

/**
 * Reads {@code -Ekey=value} arguments, the way the official {@code bin/elasticsearch} takes extra
 * node settings, so a one-off setting needs no new environment variable.
 */
final class SettingArguments {

    private SettingArguments() {
    }

    static Settings parse(String[] args) {
        Settings.Builder settings = Settings.builder();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("-E") || equals <= 2) {
                throw new StartupFailure("unsupported argument '" + arg + "': only -Ekey=value is accepted");
            }
            settings.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return settings.build();
    }
}
