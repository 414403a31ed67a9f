package org.autocrm.servicetesting.sse;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A client of a Server-Sent Events stream ({@code text/event-stream}), as a browser's would be: it reads the stream
 * as it comes, line by line, into events (id, event name, data) and comments, and remembers the last id as
 * {@code Last-Event-ID}. A response that is not a stream (a problem) is kept whole.
 *
 * <pre>{@code
 * try (SseStream stream = SseStream.open(baseUrl + "/api/stream", Map.of("Authorization", caller.authorization()))) {
 *     JsonNode change = stream.await("ticket", data -> data.path("ticketId").asText().equals(id)).json();
 * }
 * }</pre>
 */
public final class SseStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One event, or a comment (name and data null). */
    public record Event(String id, String name, String data, String comment) {

        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpResponse<InputStream> response;
    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile String lastEventId;
    private volatile boolean ended;

    private SseStream(HttpResponse<InputStream> response, String lastEventId) {
        this.response = response;
        this.lastEventId = lastEventId;
        this.reader = new Thread(this::read, "sse-test-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Opens the stream at {@code url} with these request headers; returns once the response headers are in. */
    public static SseStream open(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new SseStream(response, headers.get("Last-Event-ID"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The whole body of a response that is not a stream (a problem), once it has ended. */
    public JsonNode problem() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ended);
        return received.stream().filter(e -> e.name() == null && e.comment() == null).findFirst()
                .map(Event::json).orElseThrow();
    }

    public List<Event> events() {
        return received.stream().filter(e -> e.name() != null).toList();
    }

    public List<Event> events(String name) {
        return received.stream().filter(e -> name.equals(e.name())).toList();
    }

    public List<Event> comments() {
        return received.stream().filter(e -> e.comment() != null).toList();
    }

    public String lastEventId() {
        return lastEventId;
    }

    /** Waits for an event of that name whose data passes the test. */
    public Event await(String name, Predicate<JsonNode> matching) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> received.stream().filter(e -> name.equals(e.name()) && matching.test(e.json()))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    public boolean hasEnded() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // gone already
        }
        reader.interrupt();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                StringBuilder body = new StringBuilder();
                lines.lines().forEach(body::append);
                received.add(new Event(null, null, body.toString(), null));
                return;
            }
            String id = null;
            String name = null;
            List<String> data = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (id != null) {
                        lastEventId = id;
                    }
                    if (!data.isEmpty()) {
                        received.add(new Event(id, name == null ? "message" : name, String.join("\n", data), null));
                    }
                    id = null;
                    name = null;
                    data.clear();
                } else if (line.startsWith(":")) {
                    received.add(new Event(null, null, null, line.substring(1).strip()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // closed by the test or the server
        } finally {
            ended = true;
        }
    }
}
