package io.newswire.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events client for tests: each event (id, event, data) as it arrives. */
public final class SseReader implements AutoCloseable {

    /** One event. */
    public record Event(String id, String event, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);

    /** Connects; {@code lastEventId} may be null. Returns once the server has answered with its first comment. */
    public SseReader(final String url, final String lastEventId) throws InterruptedException {
        this(url, lastEventId, Map.of());
    }

    /** Connects with extra request headers (e.g. Authorization); {@code lastEventId} may be null. */
    public SseReader(final String url, final String lastEventId, final Map<String, String> headers) throws InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            String id = null;
            String event = null;
            final StringBuilder data = new StringBuilder();
            for (final String line : (Iterable<String>) r.body()::iterator) {
                if (line.startsWith(":")) {
                    connected.countDown();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && event != null) {
                    events.add(new Event(id, event, data.toString()));
                    id = null;
                    event = null;
                    data.setLength(0);
                }
            }
        });
        if (!connected.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("SSE stream " + url + " did not answer within 20 s");
        }
    }

    /** Waits for that many events (more may follow). */
    public List<Event> take(final int count, final Duration timeout) throws InterruptedException {
        final List<Event> taken = new ArrayList<>();
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (taken.size() < count) {
            final Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("Got " + taken.size() + " of " + count + " SSE events: " + taken);
            }
            taken.add(event);
        }
        return taken;
    }

    /** Whatever arrives within the time. */
    public List<Event> drain(final Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        final List<Event> rest = new ArrayList<>();
        events.drainTo(rest);
        return rest;
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}
