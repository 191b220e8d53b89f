package org.pingliang.techmarket.infra.elasticsearch;

import org.elasticsearch.common.settings.Settings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingArgumentsTest {

    @Test
    void readsKeyValuePairsLikeTheOfficialCli() {
        Settings settings = SettingArguments.parse(new String[] {
            "-Ecluster.routing.allocation.disk.threshold_enabled=false", "-Enode.attr.zone=a=b"});

        assertEquals("false", settings.get("cluster.routing.allocation.disk.threshold_enabled"));
        assertEquals("a=b", settings.get("node.attr.zone"));
    }

    @Test
    void rejectsAnythingElse() {
        assertThrows(StartupFailure.class, () -> SettingArguments.parse(new String[] {"--verbose"}));
        assertThrows(StartupFailure.class, () -> SettingArguments.parse(new String[] {"-E=value"}));
    }
}
