package io.newswire.publisher.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs one signed delivery and says how it went, within bounded time: a connect timeout and a timeout on the
 * whole answer, so a subscriber that hangs costs at most their sum. Redirects are not followed (a signed body must
 * not be sent on to a host the operator did not register); any answer but 2xx is a failure.
 */
public final class WebhookSender {

    /**
     * How one POST went.
     *
     * @param delivered  true for a 2xx answer
     * @param httpStatus the answer's status. May be null (no answer)
     * @param error      why it failed, for the ledger and the parking record. May be null when delivered
     */
    public record Outcome(boolean delivered, Integer httpStatus, String error) {
    }

    private final HttpClient client;
    private final Duration requestTimeout;

    public WebhookSender(final Duration connectTimeout, final Duration requestTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = requestTimeout;
    }

    /** Sends; never throws for the subscriber's faults, only returns them. */
    public Outcome post(final URI url, final Map<String, String> headers, final byte[] body) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "newswire-webhooks/0.1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            final HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            final int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, status, null);
            }
            return new Outcome(false, status, "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
        } catch (final HttpConnectTimeoutException e) {
            return new Outcome(false, null, "connect timeout");
        } catch (final HttpTimeoutException e) {
            return new Outcome(false, null, "no answer within " + requestTimeout.toMillis() + " ms");
        } catch (final ConnectException e) {
            return new Outcome(false, null, "connection refused" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        } catch (final IOException e) {
            return new Outcome(false, null, "I/O error: " + e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted while sending (publisher stopping)");
        }
    }
}
