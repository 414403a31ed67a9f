package org.autocrm.deploy.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The request runner: sends the generated requests through the gateway with a few concurrent workers, each as
 * its role ({@link Callers}), paced per role below the gateway's per-caller rate limit (a 429 of that limiter is
 * waited out and sent again, and counted), and keeps every answer.
 */
final class RequestRunner {

    /** One request and what came back; {@code status} 0 and {@code error} set if nothing did. */
    record Exchange(FuzzRequest request, int status, String contentType, String body, String location, String retryAfter,
                    long millis, String error) {
    }

    private final String gateway;
    private final Callers callers;
    private final int workers;
    private final long pacingNanos;
    private final long anonymousPacingNanos;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Long> nextSlot = new java.util.HashMap<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    /** Ends the reading of event streams (see {@link #bodyOf}). */
    private static final ScheduledExecutorService STREAM_ENDS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fuzz-stream-ends");
        thread.setDaemon(true);
        return thread;
    });
    /** How long an event stream ({@code GET /api/stream}) is listened to: it does not end by itself. */
    private static final Duration STREAM_LISTENED = Duration.ofSeconds(2);

    RequestRunner(String gateway, Callers callers, int workers, int perRolePerMinute, int anonymousPerMinute) {
        this.gateway = gateway;
        this.callers = callers;
        this.workers = workers;
        this.pacingNanos = TimeUnit.MINUTES.toNanos(1) / perRolePerMinute;
        this.anonymousPacingNanos = TimeUnit.MINUTES.toNanos(1) / anonymousPerMinute;
    }

    /** Sends {@code count} requests, the i-th made by {@code request.apply(i)}, and answers the exchanges in order. */
    List<Exchange> run(int count, IntFunction<FuzzRequest> request) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Exchange>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                Exchange exchange = send(request.apply(index));
                int finished = done.incrementAndGet();
                if (finished % 500 == 0) {
                    System.out.printf("contract fuzz: %d/%d requests, %d s%n", finished, count,
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
                }
                return exchange;
            }));
        }
        pool.shutdown();
        List<Exchange> exchanges = new ArrayList<>();
        for (Future<Exchange> future : futures) {
            try {
                exchanges.add(future.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the fuzzer itself failed", e.getCause());
            }
        }
        return Collections.unmodifiableList(exchanges);
    }

    int throttled() {
        return throttled.get();
    }

    Exchange send(FuzzRequest request) throws InterruptedException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(gateway + request.target()))
                    .timeout(Duration.ofSeconds(30))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            if (request.contentType() != null) {
                builder.header("Content-Type", request.contentType());
            }
            request.headers().forEach(header -> builder.header(header.getKey(), header.getValue()));
            Callers.Credential credential = callers.credentialFor(request);
            if (credential != null) {
                builder.header(credential.header(), credential.value());
            }
        } catch (IllegalArgumentException e) {
            return new Exchange(request, -1, null, null, null, null, 0, "not sendable by the HTTP client: " + e.getMessage());
        }
        HttpRequest built = builder.build();
        for (int attempt = 0; ; attempt++) {
            pace(callers.bucketOf(request));
            long start = System.nanoTime();
            try {
                HttpResponse<InputStream> response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
                String body = bodyOf(response);
                if (rateLimited(response) && attempt < 4) {
                    throttled.incrementAndGet();
                    long wait = response.headers().firstValueAsLong("Retry-After").orElse(2);
                    Thread.sleep(TimeUnit.SECONDS.toMillis(Math.min(Math.max(wait, 1), 15)));
                    continue;
                }
                return new Exchange(request, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                        body, response.headers().firstValue("Location").orElse(null),
                        response.headers().firstValue("Retry-After").orElse(null),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), null);
            } catch (IOException e) {
                return new Exchange(request, 0, null, null, null, null, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    /**
     * The body as text. A Server-Sent Events stream stays open for minutes: what it sends in its first
     * {@link #STREAM_LISTENED} is its answer (checked for leaks like any other), then the connection is closed.
     */
    private static String bodyOf(HttpResponse<InputStream> response) throws IOException {
        boolean stream = response.headers().firstValue("Content-Type")
                .map(type -> type.startsWith("text/event-stream")).orElse(false);
        InputStream in = response.body();
        if (!stream) {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        java.util.concurrent.ScheduledFuture<?> end = STREAM_ENDS.schedule(() -> {
            try {
                in.close();
            } catch (IOException e) {
                // closed already
            }
        }, STREAM_LISTENED.toMillis(), TimeUnit.MILLISECONDS);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (IOException closed) {
            // the stream was listened to long enough
        } finally {
            end.cancel(false);
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    /**
     * A 429 of the gateway's per-caller rate limiter (its bucket is empty), which the pacing should have avoided and
     * which says nothing about the operation; other 429s (e.g. too many failed sign-ins) are answers like any other.
     */
    private static boolean rateLimited(HttpResponse<?> response) {
        return response.statusCode() == 429
                && response.headers().firstValue("RateLimit-Remaining").map("0"::equals).orElse(false);
    }

    /**
     * Waits for the next slot of the gateway's rate-limit bucket the request counts against: per role at most
     * {@code perRolePerMinute} a minute, and for the anonymous bucket of this address (public paths, no
     * credentials) at most {@code anonymousPerMinute}.
     */
    private void pace(String bucket) throws InterruptedException {
        long slot;
        synchronized (nextSlot) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot.getOrDefault(bucket, now));
            nextSlot.put(bucket, slot + (bucket.equals(Callers.ANONYMOUS) ? anonymousPacingNanos : pacingNanos));
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
