package org.pingliang.techmarket.importcli;

/** The command line of the importer. */
record Options(String server, String organisation, String token, boolean submit, String file) {

  static final String USAGE = """
      usage: import-cli --organisation UUID [--server URL] [--token TOKEN] [--submit] FILE.csv|FILE.xlsx
        --server        marketplace base URL (default http://localhost:8080)
        --organisation  id of the organisation you edit for
        --token         access token (default: $TECHMARKET_TOKEN; locally: infra/bin/dev-token university)
        --submit        submit every imported achievement for review""";

  /** The options, or {@code null} when the command line is incomplete. */
  static Options parse(String[] args, String tokenFromEnvironment) {
    var server = "http://localhost:8080";
    String organisation = null;
    var token = tokenFromEnvironment;
    var submit = false;
    String file = null;
    for (var i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--server" -> server = i + 1 < args.length ? args[++i] : null;
        case "--organisation" -> organisation = i + 1 < args.length ? args[++i] : null;
        case "--token" -> token = i + 1 < args.length ? args[++i] : null;
        case "--submit" -> submit = true;
        default -> file = args[i].startsWith("--") ? null : args[i];
      }
    }
    if (server == null || organisation == null || token == null || token.isBlank() || file == null) {
      return null;
    }
    return new Options(server.replaceAll("/+$", ""), organisation, token, submit, file);
  }
}
