package org.autocrm.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/** Free-port finder and port probes. All servers bind to 127.0.0.1. */
final class Ports {

  /** Ports already handed out by this JVM, so two pieces of one run never get the same port. */
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private Ports() {
  }

  static InetAddress loopback() {
    try {
      return InetAddress.getByName("127.0.0.1");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port that is free on 127.0.0.1 right now and that this JVM has not handed out before. */
  static synchronized int free() {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(loopback(), 0));
        int port = socket.getLocalPort();
        if (HANDED_OUT.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
      }
    }
    throw new IllegalStateException("cannot find a free port on 127.0.0.1 after 100 attempts");
  }

  /** Whether a server could bind 127.0.0.1:port now. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(loopback(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether something accepts TCP connections on 127.0.0.1:port. */
  static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(loopback(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
