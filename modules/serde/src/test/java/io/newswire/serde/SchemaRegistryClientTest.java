package io.newswire.serde;

import io.newswire.model.CorrespondentReport;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The REST client against an in-memory registry: paths, caching, retries, and what its errors say. */
class SchemaRegistryClientTest {

    private final FakeSchemaRegistry fake = FakeSchemaRegistry.start();
    private final SchemaRegistryClient client = fake.client();

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void shouldRegisterUnderTheBasePathAndAnswerFromCacheWhenTheSameSchemaIsRegisteredAgain() {
        // Given a schema registered once
        final int id = client.register("reports-value", CorrespondentReport.getClassSchema());

        // When it is registered again and looked up, both ways
        final int again = client.register("reports-value", CorrespondentReport.getClassSchema());
        final int looked = client.idOf("reports-value", CorrespondentReport.getClassSchema()).orElseThrow();
        final Schema byId = client.schemaById(id);

        // Then only the first call went over HTTP, under the Apicurio-style base path
        assertThat(again).isEqualTo(id);
        assertThat(looked).isEqualTo(id);
        assertThat(byId).isEqualTo(CorrespondentReport.getClassSchema());
        assertThat(fake.requests()).containsExactly("POST /subjects/reports-value/versions");
    }

    @Test
    void shouldFetchASchemaByIdOnceWhenAnotherClientRegisteredIt() {
        // Given a schema another producer registered
        final int id = fake.registerDirectly("other-value", TestReports.dispatchV1());

        // When it is asked for twice
        final Schema first = client.schemaById(id);
        final Schema second = client.schemaById(id);

        // Then the second answer came from the cache
        assertThat(first).isEqualTo(TestReports.dispatchV1()).isSameAs(second);
        assertThat(fake.requests()).containsExactly("GET /schemas/ids/" + id);
    }

    @Test
    void shouldAnswerEmptyWhenLookingUpASchemaTheSubjectDoesNotHold() {
        // Given a subject holding v1 only
        fake.registerDirectly("dispatch-value", TestReports.dispatchV1());

        // Then v2 is not found there, nor is anything in a subject that does not exist (both 404)
        assertThat(client.idOf("dispatch-value", TestReports.dispatchV2())).isEmpty();
        assertThat(client.idOf("no-such-subject", TestReports.dispatchV1())).isEmpty();
        assertThat(fake.requests()).containsExactly("POST /subjects/dispatch-value", "POST /subjects/no-such-subject");
    }

    @Test
    void shouldListVersionsAndReadLatestAndNumberedVersions() {
        // Given two versions of a subject
        final int v1 = client.register("dispatch-value", TestReports.dispatchV1());
        final int v2 = client.register("dispatch-value", TestReports.dispatchV2());

        // Then
        assertThat(client.versions("dispatch-value")).containsExactly(1, 2);
        assertThat(client.latest("dispatch-value")).isEqualTo(new SchemaRegistryClient.RegisteredSchema("dispatch-value", 2, v2, TestReports.dispatchV2()));
        assertThat(client.version("dispatch-value", 1)).isEqualTo(new SchemaRegistryClient.RegisteredSchema("dispatch-value", 1, v1, TestReports.dispatchV1()));
    }

    @Test
    void shouldReportWhyASchemaIsIncompatibleWhenCheckedVerbosely() {
        // Given a subject under BACKWARD with v1
        client.setCompatibility("dispatch-value", "BACKWARD");
        client.register("dispatch-value", TestReports.dispatchV1());

        // When a defaulted addition and a required addition are checked
        final SchemaRegistryClient.CompatibilityResult compatible = client.checkCompatibility("dispatch-value", TestReports.dispatchV2());
        final SchemaRegistryClient.CompatibilityResult breaking = client.checkCompatibility("dispatch-value", TestReports.dispatchBreaking());

        // Then the first passes, the second fails naming the field, and the check asked for the reasons
        assertThat(compatible.compatible()).isTrue();
        assertThat(breaking.compatible()).isFalse();
        assertThat(breaking.messages()).anySatisfy(m -> assertThat(m).contains("urgency"));
        assertThat(fake.requests()).contains("POST /compatibility/subjects/dispatch-value/versions/latest?verbose=true");
    }

    @Test
    void shouldNameTheIncompatibilityWithAvrosOwnCheckWhenTheRegistryGivesNoReason() {
        // Given a registry that answers compatibility checks without messages (as Apicurio's ccompat API does)
        fake.omitCompatibilityReasons();
        client.setCompatibility("dispatch-value", "BACKWARD");
        client.register("dispatch-value", TestReports.dispatchV1());

        // When a breaking version is checked
        final SchemaRegistryClient.CompatibilityResult result = client.checkCompatibility("dispatch-value", TestReports.dispatchBreaking());

        // Then the registry's verdict stands, explained by Avro's reader/writer check against the latest version
        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).singleElement().asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("urgency").contains("version 1");
    }

    @Test
    void shouldTreatASubjectWithNoVersionAsAcceptingAnySchema() {
        final SchemaRegistryClient.CompatibilityResult result = client.checkCompatibility("brand-new-value", TestReports.dispatchV1());

        assertThat(result.compatible()).isTrue();
        assertThat(result.messages()).singleElement().asString().contains("no version");
    }

    @Test
    void shouldSetAndReadCompatibilityPerSubjectAndGlobally() {
        // When levels are set on a subject and on the registry
        client.setCompatibility("dispatch-value", "FULL_TRANSITIVE");
        client.setCompatibility(null, "NONE");

        // Then each reads back from its own path
        assertThat(client.compatibility("dispatch-value")).isEqualTo("FULL_TRANSITIVE");
        assertThat(client.compatibility(null)).isEqualTo("NONE");
        assertThat(fake.requests()).contains("PUT /config/dispatch-value", "PUT /config", "GET /config/dispatch-value", "GET /config");
    }

    @Test
    void shouldExplainA409WithTheSubjectVersionLevelAndIncompatibleField() {
        // Given a subject under BACKWARD with v1
        client.setCompatibility("dispatch-value", "BACKWARD");
        client.register("dispatch-value", TestReports.dispatchV1());

        // When a breaking version is registered
        // Then the error is one a person can act on, not a bare "409"
        assertThatThrownBy(() -> client.register("dispatch-value", TestReports.dispatchBreaking()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.subject()).contains("dispatch-value");
                })
                .hasMessageContaining("subject dispatch-value")
                .hasMessageContaining("HTTP 409")
                .hasMessageContaining("incompatible with an earlier schema")
                .hasMessageContaining("version 1")
                .hasMessageContaining("BACKWARD")
                .hasMessageContaining("urgency");
    }

    @Test
    void shouldRetryServerErrorsAndRateLimitsThenSucceed() {
        // Given a registry that fails twice (503, then 429) before answering
        fake.failNext(1, 503);
        fake.failNext(1, 429);

        // When a schema is registered with 3 attempts allowed
        final int id = client.register("dispatch-value", TestReports.dispatchV1());

        // Then the third attempt got through
        assertThat(id).isPositive();
        assertThat(fake.requests()).hasSize(3).allMatch(r -> r.equals("POST /subjects/dispatch-value/versions"));
    }

    @Test
    void shouldHonourRetryAfterWithinItsCap() {
        fake.failNextWithHeader(429, "Retry-After", "0");

        assertThat(client.register("dispatch-value", TestReports.dispatchV1())).isPositive();
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptNamingStatusAndAttempts() {
        // Given a registry failing every time
        fake.failNext(5, 503);

        // Then the client stops at its 3 attempts and says so
        assertThatThrownBy(() -> client.versions("dispatch-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("subject dispatch-value");
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void shouldNotRetryAClientError() {
        // Given a 404 for an unknown id
        // Then one request only, and the error names the id and the registry's code
        assertThatThrownBy(() -> client.schemaById(4242))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                })
                .hasMessageContaining("schema id 4242")
                .hasMessageContaining("40403");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void shouldRetryARequestThatTimedOut() {
        // Given a client with a 300 ms timeout and a registry whose first answer takes longer
        final SchemaRegistryClient impatient = new SchemaRegistryClient(new SchemaRegistryClientConfig(URI.create(fake.url()),
                Optional.empty(), Optional.empty(), Duration.ofMillis(300), 3, Duration.ofMillis(1)));
        fake.delayNext(Duration.ofMillis(1_500));

        // When it registers
        final int id = impatient.register("dispatch-value", TestReports.dispatchV1());

        // Then the timed-out attempt was retried
        assertThat(id).isPositive();
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void shouldStopRetryingWhenTheCallTimeoutIsSpentEvenWithAttemptsLeft() {
        // Given a registry failing every time, and a client allowed 10 attempts (100, 200, 400 ms... apart) but 600 ms
        fake.failNext(20, 503);
        final SchemaRegistryClient bounded = new SchemaRegistryClient(SchemaRegistryClientConfig.of(fake.url())
                .withRetries(10, Duration.ofMillis(100)).withCallTimeout(Duration.ofMillis(600)));

        // When it asks
        final long started = System.nanoTime();
        assertThatThrownBy(() -> bounded.versions("dispatch-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isUnavailable()).isTrue())
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("schema.registry.call.timeout.ms=600");
        final long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        // Then it gave up within the budget, after the attempts that fit (3: the next wait, 400 ms, would end past it)
        assertThat(tookMs).isLessThan(600);
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void shouldCutAnAttemptsTimeoutToWhatIsLeftOfTheCallTimeout() {
        // Given a registry that answers only after 3 s, and a client whose requests may take 10 s but whose calls 500 ms
        fake.delayNext(Duration.ofSeconds(3));
        final SchemaRegistryClient bounded = new SchemaRegistryClient(SchemaRegistryClientConfig.of(fake.url())
                .withCallTimeout(Duration.ofMillis(500)));

        // Then the call fails as "no response" at about 500 ms instead of waiting for the slow answer
        final long started = System.nanoTime();
        assertThatThrownBy(() -> bounded.versions("dispatch-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
                    assertThat(e.isUnavailable()).isTrue();
                })
                .hasMessageContaining("schema.registry.call.timeout.ms=500");
        assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).isBetween(450L, 1_500L);
    }

    @Test
    void shouldTellAnAbsentRegistryFromAnAnswerAboutTheRequest() {
        // 404 and 409 are answers about what was asked; 5xx, 429, 408, 401/403 and no response are not
        assertThat(new SchemaRegistryException("x", 404, 40403, null).isUnavailable()).isFalse();
        assertThat(new SchemaRegistryException("x", 409, 409, null).isUnavailable()).isFalse();
        assertThat(new SchemaRegistryException("x", 422, 42201, null).isUnavailable()).isFalse();
        for (final int status : new int[] {SchemaRegistryException.NO_RESPONSE, 500, 503, 429, 408, 401, 403}) {
            assertThat(new SchemaRegistryException("x", status, -1, null).isUnavailable()).as("status %d", status).isTrue();
        }
    }

    @Test
    void shouldSayTheRegistryIsUnreachableAfterEveryAttemptFailed() throws Exception {
        // Given a port nothing listens on
        final int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        final SchemaRegistryClient nowhere = new SchemaRegistryClient(SchemaRegistryClientConfig.of("http://127.0.0.1:" + port)
                .withRetries(2, Duration.ofMillis(1)));

        assertThatThrownBy(() -> nowhere.register("dispatch-value", TestReports.dispatchV1()))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.status()).isEqualTo(SchemaRegistryException.NO_RESPONSE))
                .hasMessageContaining("could not be reached")
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("after 2 attempt(s)");
    }

    @Test
    void shouldNotRetryNorParseAPageThatIsNotJson() {
        // Given a base URL that answers 200 with a web page (a wrong path behind a proxy)
        fake.answerNextWithHtml();

        assertThatThrownBy(() -> client.versions("dispatch-value"))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("not JSON")
                .hasMessageContaining("<html>");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void shouldSendBasicAuthCredentials() {
        final SchemaRegistryClient withAuth = new SchemaRegistryClient(
                SchemaRegistryClientConfig.of(fake.url()).withBasicAuth("newswire:s3cret"));

        withAuth.register("dispatch-value", TestReports.dispatchV1());

        assertThat(fake.lastAuthorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("newswire:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldEncodeSubjectsThatAreNotPlainPathSegments() {
        // a subject with a space and a slash must stay one path segment
        client.register("odd subject/x-value", TestReports.dispatchV1());

        assertThat(fake.requests()).containsExactly("POST /subjects/odd%20subject%2Fx-value/versions");
        assertThat(client.versions("odd subject/x-value")).containsExactly(1);
    }
}
