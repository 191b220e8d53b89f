package org.pingliang.techmarket.search.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The smallest Redis client that can append stream entries (RESP2 over a socket, pipelined), so the
 * benchmark can feed the indexer events exactly as the outbox relay does without pulling in a client.
 */
final class Resp implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private int pending;

  Resp(String host, int port, String password, int database) throws IOException {
    socket = new Socket(host, port);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream());
    if (password != null && !password.isEmpty()) {
      call(List.of("AUTH", password));
    }
    call(List.of("SELECT", Integer.toString(database)));
  }

  /** Sends a command without waiting for its answer. */
  void send(List<String> command) throws IOException {
    var buffer = new ByteArrayOutputStream();
    buffer.write(("*" + command.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (var part : command) {
      var bytes = part.getBytes(StandardCharsets.UTF_8);
      buffer.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      buffer.write(bytes);
      buffer.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write(buffer.toByteArray());
    pending++;
  }

  /** Reads the answers of every command sent so far; an error answer is an exception. */
  void flush() throws IOException {
    out.flush();
    while (pending > 0) {
      read();
      pending--;
    }
  }

  String call(List<String> command) throws IOException {
    send(command);
    out.flush();
    pending--;
    return read();
  }

  private String read() throws IOException {
    var type = in.read();
    var line = line();
    switch (type) {
      case '+', ':' -> {
        return line;
      }
      case '-' -> throw new IOException("redis: " + line);
      case '$' -> {
        var length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        var bytes = in.readNBytes(length + 2);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      case '*' -> {
        // An array answers its first element (e.g. the count of XPENDING's summary), or null.
        var count = Integer.parseInt(line);
        String first = null;
        for (var i = 0; i < count; i++) {
          var element = read();
          if (i == 0) {
            first = element;
          }
        }
        return first;
      }
      default -> throw new IOException("unexpected redis answer type " + type);
    }
  }

  private String line() throws IOException {
    var buffer = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\r') {
      if (c < 0) {
        throw new IOException("redis closed the connection");
      }
      buffer.write(c);
    }
    in.read();
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
