package org.autocrm.servicetesting.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.http.HttpHeaders;

/**
 * A real HTTP server (the JDK's) on a free loopback port, standing in for a third party a service calls (an LLM
 * provider, a webhook receiver, another AutoCRM service). It records every request and answers what the test told
 * it to, by method and path; anything else gets 404 with a problem document.
 *
 * <pre>{@code
 * static final StubServer LLM = StubServer.start()
 *         .answer("POST", "/v1/chat/completions", 200, "{\"choices\":[...]}");
 *
 * @DynamicPropertySource
 * static void llm(DynamicPropertyRegistry registry) {
 *     registry.add("autocrm.ai.provider.base-url", LLM::baseUrl);
 * }
 * ...
 * assertThat(LLM.requests()).extracting(StubServer.Request::path).containsExactly("/v1/chat/completions");
 * }</pre>
 */
public final class StubServer implements AutoCloseable {

    /** One request as the stub received it. */
    public record Request(String method, String path, String query, HttpHeaders headers, String body) {
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads); // the default single thread would let one slow caller block the others
        server.start();
    }

    public static StubServer start() {
        try {
            return new StubServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a stub HTTP server", e);
        }
    }

    /** {@code method path} (path without query) answers {@code status} with a JSON body. */
    public StubServer answer(String method, String path, int status, String jsonBody) {
        return answer(method, path, status, "application/json", jsonBody);
    }

    public StubServer answer(String method, String path, int status, String contentType, String body) {
        answers.put(method + " " + path, new Answer(status, contentType, body));
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request so far, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the requests and the answers. */
    public void reset() {
        requests.clear();
        answers.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            HttpHeaders headers = new HttpHeaders();
            exchange.getRequestHeaders().forEach(headers::addAll);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(method, path, exchange.getRequestURI().getRawQuery(), headers, body));

            Answer answer = answers.getOrDefault(method + " " + path, new Answer(404, "application/problem+json",
                    "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"the stub was not told to answer "
                            + method + " " + path + "\"}"));
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().set(HttpHeaders.CONTENT_TYPE, answer.contentType());
            }
            boolean empty = bytes.length == 0 || "HEAD".equals(method);
            exchange.sendResponseHeaders(answer.status(), empty ? -1 : bytes.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
