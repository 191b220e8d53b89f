package org.pingliang.techmarket.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the dev services when a test run opens, before any test class loads its Spring context,
 * so that every class of the run shares the same real servers.
 */
public final class DevServicesSessionListener implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!"false".equals(System.getProperty("techmarket.devservices.autostart"))) {
      DevServices.start();
    }
  }
}
