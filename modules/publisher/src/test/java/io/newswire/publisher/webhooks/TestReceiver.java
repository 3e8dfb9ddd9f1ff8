package io.newswire.publisher.webhooks;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A webhook receiver for tests (the JDK's HTTP server) that records every request and answers as told. */
final class TestReceiver implements AutoCloseable {

    enum Behaviour { OK, FAIL_500, HANG }

    /** One request as received. */
    record Received(String id, String timestamp, String signature, byte[] body, Instant at) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The article uri and version in the body, e.g. {@code urn:newswire:article:<uuid>#3}. */
        String version() {
            final Matcher m = Pattern.compile("\"uri\":\"([^\"]+)\",\"version\":\"(\\d+)\"").matcher(bodyText());
            return m.find() ? m.group(1) + "#" + m.group(2) : "?";
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour;
    private volatile long delayMillis;

    TestReceiver(final Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/hooks", exchange -> {
            final byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now()));
            try {
                if (this.behaviour == Behaviour.HANG) {
                    Thread.sleep(30_000);
                } else if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            final int status = this.behaviour == Behaviour.OK ? 204 : 500;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    /** A URL on which nothing listens: connections are refused. */
    static String refusingUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks";
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void behave(final Behaviour next) {
        this.behaviour = next;
    }

    void delay(final long millis) {
        this.delayMillis = millis;
    }

    /** Requests per webhook-id. */
    Map<String, Long> countsById() {
        return received.stream().collect(java.util.stream.Collectors.groupingBy(Received::id, java.util.stream.Collectors.counting()));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
