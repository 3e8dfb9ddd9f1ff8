package io.newswire.processing.deadletter;

import io.newswire.model.DeadLetter;
import io.newswire.model.ReportState;
import io.newswire.model.ReportStatus;
import io.newswire.model.topics.Topics;
import io.newswire.serde.AvroDeserializer;
import io.newswire.serde.ConfluentWireFormat;
import io.newswire.serde.RegistryUnavailableException;
import io.newswire.serde.SchemaRegistryClient;
import io.newswire.serde.SchemaRegistryClientConfig;
import io.newswire.serde.SchemaRegistryException;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead-letter handlers themselves, with the real registry: what they hand Kafka Streams to write for an
 * unforeseen exception (a bug) and for a record that does not decode, and that they stop the thread instead when
 * the registry gave no answer (the record is not known to be bad, or its dead letter cannot be written). The whole path through a running
 * application is in EndToEndIntegrationTest.
 */
class DeadLetterHandlersIntegrationTest {

    private static final NewswireStack STACK = NewswireStack.shared();
    private static final Map<String, Object> CONFIG = Map.of("schema.registry.url", STACK.schemaRegistryUrl(), "auto.register.schemas", true);
    private final SchemaRegistryClient registry = new SchemaRegistryClient(SchemaRegistryClientConfig.of(STACK.schemaRegistryUrl()));

    @Test
    void shouldDeadLetterAnUnforeseenExceptionWithTheOriginalBytesAndResume() {
        // Given a processing handler and a step that failed with an exception nobody planned for
        final DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(CONFIG);
        final String reportId = UUID.randomUUID().toString();
        final byte[] original = {0, 0, 0, 0, 7, 42};

        // When it handles the failure
        final ProcessingExceptionHandler.Response response = handler.handleError(context(reportId, original, "articles"),
                new Record<>(reportId, "value", 0L), new IllegalStateException("a bug"));

        // Then the stream resumes, and a dead letter and a DEAD_LETTERED status go out in the same transaction
        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        final List<ProducerRecord<byte[], byte[]>> records = response.deadLetterQueueRecords();
        assertThat(records).extracting(ProducerRecord::topic).containsExactly(Topics.DEAD_LETTERS.name(), Topics.REPORT_STATUS.name());
        final DeadLetter letter = new AvroDeserializer<>(registry, DeadLetter.class).deserialize(Topics.DEAD_LETTERS.name(), records.get(0).value());
        assertThat(letter.getStage()).isEqualTo("articles");
        assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.getReason()).isEqualTo("a bug");
        assertThat(letter.getOriginalValue().array()).isEqualTo(original);
        assertThat(letter.getOriginalOffset()).isEqualTo(41L);
        assertThat(new String(records.get(0).headers().lastHeader(DeadLetterRecords.HEADER_REASON).value(), StandardCharsets.UTF_8)).isEqualTo("a bug");
        final ReportStatus status = new AvroDeserializer<>(registry, ReportStatus.class).deserialize(Topics.REPORT_STATUS.name(), records.get(1).value());
        assertThat(status.getState()).isEqualTo(ReportState.DEAD_LETTERED);
        assertThat(status.getReportId()).hasToString(reportId);
    }

    @Test
    void shouldDeadLetterAnUndecodableRecordWithoutAStatusWhenItHasNoReportId() {
        final DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(CONFIG);
        final ConsumerRecord<byte[], byte[]> garbage = new ConsumerRecord<>(Topics.REPORTS.name(), 3, 17L, 0L, TimestampType.CREATE_TIME,
                0, 0, "not-a-uuid".getBytes(StandardCharsets.UTF_8), "junk".getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());

        final DeserializationExceptionHandler.Response response = handler.handleError(context(null, garbage.value(), "reports"), garbage,
                new org.apache.kafka.common.errors.SerializationException("Unknown magic byte"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
            final DeadLetter letter = new AvroDeserializer<>(registry, DeadLetter.class).deserialize(r.topic(), r.value());
            assertThat(letter.getStage()).isEqualTo("deserialize");
            assertThat(letter.getOriginalPartition()).isEqualTo(3);
            assertThat(letter.getOriginalOffset()).isEqualTo(17L);
            assertThat(letter.getReportId()).isNull();
        });
    }

    @Test
    void shouldFailInsteadOfDeadLetteringWhenTheRecordCouldNotBeReadForWantOfTheRegistry() {
        // Given a good record whose writer schema could not be fetched: the registry gave no answer
        final DeserializationExceptionHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(CONFIG);
        final ConsumerRecord<byte[], byte[]> good = record(ConfluentWireFormat.frame(1, new byte[] {2, 4}));

        // Then the stream thread is to stop (nothing dead-lettered), so the record is read again later
        final DeserializationExceptionHandler.Response response = handler.handleError(context(null, good.value(), "reports"), good,
                unavailable());

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldFailInsteadOfDeadLetteringWhenAnOutputCouldNotBeWrittenForWantOfTheRegistry() {
        // Given a step whose output could not be serialized, Kafka's sink wrapping our exception as it does
        final DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(CONFIG);
        final String reportId = UUID.randomUUID().toString();

        final ProcessingExceptionHandler.Response response = handler.handleError(context(reportId, new byte[] {0, 0, 0, 0, 1, 2}, "articles"),
                new Record<>(reportId, "value", 0L), new StreamsException("Unable to serialize record", unavailable()));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldFailWhenABadRecordsDeadLetterCannotBeWrittenWhileTheRegistryIsDown() throws Exception {
        // Given handlers whose registry (needed to write the dead letter's schema id) is a port nothing listens on
        final int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        final Map<String, Object> down = Map.of("schema.registry.url", "http://127.0.0.1:" + port, "auto.register.schemas", true,
                "retries.wait.ms", 1);
        final DeadLetterDeserializationHandler deserialization = new DeadLetterDeserializationHandler();
        deserialization.configure(down);
        final DeadLetterProcessingHandler processing = new DeadLetterProcessingHandler();
        processing.configure(down);
        final ConsumerRecord<byte[], byte[]> garbage = record("junk".getBytes(StandardCharsets.UTF_8));

        // Then a truly bad record is not skipped either: the thread stops, and it is dead-lettered once the registry answers
        assertThat(deserialization.handleError(context(null, garbage.value(), "reports"), garbage,
                new org.apache.kafka.common.errors.SerializationException("Unknown magic byte")).result())
                .isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(processing.handleError(context(null, garbage.value(), "articles"), new Record<>("k", "v", 0L),
                new IllegalStateException("a bug")).result())
                .isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    }

    private static ConsumerRecord<byte[], byte[]> record(final byte[] value) {
        return new ConsumerRecord<>(Topics.REPORTS.name(), 3, 17L, 0L, TimestampType.CREATE_TIME, 0, 0,
                "not-a-uuid".getBytes(StandardCharsets.UTF_8), value, new RecordHeaders(), Optional.empty());
    }

    private static RegistryUnavailableException unavailable() {
        return new RegistryUnavailableException("Topic newswire.reports.v1: the schema registry gave no answer for schema id 1",
                new SchemaRegistryException("could not be reached", SchemaRegistryException.NO_RESPONSE, -1, null));
    }

    private static ErrorHandlerContext context(final String key, final byte[] value, final String node) {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return Topics.REPORTS.name();
            }

            @Override
            public int partition() {
                return 2;
            }

            @Override
            public long offset() {
                return 41L;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return node;
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 2);
            }

            @Override
            public long timestamp() {
                return 0L;
            }

            @Override
            public byte[] sourceRawKey() {
                return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] sourceRawValue() {
                return value;
            }
        };
    }
}
