package org.autocrm.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;

/**
 * A real HTTP server (the JDK's) on a free port, standing in for one AutoCRM service. It records
 * every request that reaches it and answers with its own name, so a test sees where a request went.
 * POST answers 201 with a Location, like a create; a path ending in {@code /slow} answers after
 * {@link #SLOW}, to trip the gateway's response timeout; one ending in {@code /unavailable} answers
 * 503, like a service that is up but cannot serve; one ending in {@code /not-yet} answers 503 with
 * Retry-After, as a service says "not caught up yet" on purpose; one ending in {@code /bad-gateway} answers
 * 502, as a proxy in between that lost the service. {@code /api/stream} answers Server-Sent Events: one event at
 * once, the next {@link #STREAM_GAP} later, then ends (with header {@code X-Stub-Break} it breaks off after the
 * first, as a service that died mid-stream). {@code GET /v3/api-docs} answers the OpenAPI
 * document given to {@link #serveApiDocs}. Like a careless real service, it names its server
 * software and allows any origin, which the gateway must not pass on.
 *
 * <p>One stub per service, started once per test JVM; a test class asks for them with
 * {@link StubServices @StubServices} and reads them with {@link #named(String)}.
 */
public final class StubService implements AutoCloseable {

    public static final long SLOW = TimeUnit.SECONDS.toMillis(3);
    public static final long STREAM_GAP = TimeUnit.SECONDS.toMillis(3);
    /** Every service the gateway routes to, as named in {@code autocrm.services.*}. */
    public static final List<String> SERVICES = List.of("ticket-service", "query-service", "routing-service",
            "kb-service", "ai-service", "notification-service");

    private static Map<String, StubService> running;

    public record Received(String method, String uri, HttpHeaders headers, String body) {

        public String methodAndUri() {
            return method + " " + uri;
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String apiDocs;

    private StubService(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(threads); // the default single thread would let a slow answer block the others
        server.start();
    }

    /** The stubs of every service, by name; started on first use, stopped when the test JVM ends. */
    public static synchronized Map<String, StubService> all() {
        if (running == null) {
            Map<String, StubService> started = new LinkedHashMap<>();
            SERVICES.forEach(name -> started.put(name, start(name)));
            running = Map.copyOf(started);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> running.values().forEach(StubService::close)));
        }
        return running;
    }

    public static StubService named(String service) {
        StubService stub = all().get(service);
        if (stub == null) {
            throw new IllegalArgumentException("no stub service " + service + "; there are " + SERVICES);
        }
        return stub;
    }

    private static StubService start(String name) {
        try {
            return new StubService(name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start stub " + name, e);
        }
    }

    /** An address nothing listens on: connecting to it is refused. */
    public static String unreachableUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public StubService serveApiDocs(String openApiJson) {
        this.apiDocs = openApiJson;
        return this;
    }

    /** Forgets the requests received so far. */
    public void forget() {
        received.clear();
    }

    /** As new: no requests received, no API document served. */
    void reset() {
        received.clear();
        apiDocs = null;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String uri = exchange.getRequestURI().toString();
            HttpHeaders headers = new HttpHeaders();
            exchange.getRequestHeaders().forEach(headers::addAll);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(method, uri, headers, body));

            if (uri.startsWith("/api/stream")) {
                stream(exchange, headers.containsKey("X-Stub-Break"));
                return;
            }
            if (uri.endsWith("/slow")) {
                sleep(SLOW);
            }
            byte[] answer = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set(HttpHeaders.CONTENT_TYPE, "application/json");
            exchange.getResponseHeaders().set(HttpHeaders.SERVER, "StubServer/1.0 (" + name + ")");
            exchange.getResponseHeaders().set("X-Powered-By", "JDK HttpServer");
            exchange.getResponseHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            int status = 200;
            if (apiDocs != null && uri.equals("/v3/api-docs")) {
                answer = apiDocs.getBytes(StandardCharsets.UTF_8);
            } else if (uri.endsWith("/unavailable")) {
                status = 503;
            } else if (uri.endsWith("/not-yet")) {
                status = 503;
                exchange.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, "2");
            } else if (uri.endsWith("/bad-gateway")) {
                status = 502;
            } else if ("POST".equals(method)) {
                status = 201;
                exchange.getResponseHeaders().set(HttpHeaders.LOCATION, exchange.getRequestURI().getPath() + "/T-1");
            }
            boolean head = "HEAD".equals(method);
            exchange.sendResponseHeaders(status, head ? -1 : answer.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    /** Two events STREAM_GAP apart, each flushed as it is written; or the first, then the connection breaks. */
    private void stream(HttpExchange exchange, boolean breakOff) throws IOException {
        exchange.getResponseHeaders().set(HttpHeaders.CONTENT_TYPE, "text/event-stream");
        // a length the body never reaches makes closing early a broken response, not a finished one
        exchange.sendResponseHeaders(200, breakOff ? 1_000_000 : 0);
        OutputStream out = exchange.getResponseBody();
        out.write(("id: 1\nevent: ticket\ndata: {\"service\":\"" + name + "\",\"n\":1}\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (breakOff) {
            sleep(500); // the first event is on its way before the connection breaks
            return; // closing the exchange with the body short of its length breaks the connection
        }
        sleep(STREAM_GAP);
        out.write(("id: 2\nevent: ticket\ndata: {\"service\":\"" + name + "\",\"n\":2}\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
