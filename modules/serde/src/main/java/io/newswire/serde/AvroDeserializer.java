package io.newswire.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what Confluent's {@code KafkaAvroSerializer} (or {@link AvroSerializer}) wrote: the writer's schema is fetched
 * by the id in the header, once, and the body is decoded with Avro schema resolution into the reader's schema:
 * <ul>
 *   <li>specific mode: the generated class's schema ({@code getClassSchema()}), so records written before a
 *       BACKWARD-compatible change (a field added with a default) still read into today's class;</li>
 *   <li>generic mode: the writer's schema, or a reader schema given here; values are GenericRecords with raw
 *       logical-type values (Utf8 strings, epoch millis), as Confluent's generic deserializer gives.</li>
 * </ul>
 *
 * <p>Bytes that are not in the wire format, a schema id the registry does not know, a body that does not decode, or
 * a body with bytes left after the record end in a {@link SerializationException} whose message names the topic, the
 * schema id when known, and the cause; never a silent null. Trailing bytes are always refused: Confluent's serializers
 * never write them, so they mean a corrupt or foreign record, and reading the front of it would pass a wrong value
 * on as good.
 *
 * <p>A registry that gives no answer while the writer's schema is fetched (down, timing out, overloaded: see
 * {@link SchemaRegistryException#isUnavailable()}) ends in a {@link RegistryUnavailableException} instead, after the
 * client's retries and within its call timeout: the record is not known to be bad, and reading it again once the
 * registry answers will succeed. Only ids not yet cached need the registry; a cached id never does.
 *
 * <p>The partition and offset are not known here: Kafka's consumer adds them, wrapping these exceptions in a
 * {@code RecordDeserializationException} (see its {@code topicPartition()} and {@code offset()}), and
 * a Kafka Streams {@code DeserializationExceptionHandler} receives the whole {@code ConsumerRecord} with this as the
 * cause. A null value (a tombstone) reads as null.
 *
 * <p>Configured by class name ({@code value.deserializer}) with Confluent's keys: {@code schema.registry.url} and
 * the client settings, {@code specific.avro.reader} (default false), {@code specific.avro.value.type} /
 * {@code specific.avro.key.type} (a generated class to read into).
 * A schema id in the record header {@code __value_schema_id} / {@code __key_schema_id} (Confluent's header framing,
 * id form) is read too. Programmatic use: {@link #AvroDeserializer(SchemaRegistryClient, Class)}, {@link #generic}.
 *
 * @param <T> the generated class (specific mode), or GenericRecord
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";
    public static final String SPECIFIC_AVRO_VALUE_TYPE_CONFIG = "specific.avro.value.type";
    public static final String SPECIFIC_AVRO_KEY_TYPE_CONFIG = "specific.avro.key.type";
    /** Headers in which Confluent's header framing carries the schema id. */
    public static final String VALUE_SCHEMA_ID_HEADER = "__value_schema_id";
    public static final String KEY_SCHEMA_ID_HEADER = "__key_schema_id";

    private SchemaRegistryClient registry;
    private boolean ownsRegistry;
    private boolean specific;
    private Class<?> targetType;
    private Schema readerSchema;
    private boolean isKey;
    private final Map<Integer, WriterReader<T>> readers = new ConcurrentHashMap<>();

    /** For Kafka's {@code value.deserializer} / {@code key.deserializer} class-name configuration; {@link #configure} follows. */
    public AvroDeserializer() {
    }

    /**
     * For programmatic use (Kafka Streams serdes, tests) with a shared registry client (not closed by {@link #close()}).
     *
     * @param registry   the registry client
     * @param targetType the generated class to read into; null for generic records in the writer's schema
     */
    public AvroDeserializer(final SchemaRegistryClient registry, final Class<T> targetType) {
        this.registry = Objects.requireNonNull(registry, "registry");
        if (targetType != null && !SpecificRecord.class.isAssignableFrom(targetType)) {
            throw new IllegalArgumentException(targetType.getName() + " is not a generated Avro SpecificRecord class");
        }
        this.targetType = targetType;
        this.specific = targetType != null;
    }

    /** Generic records in each record's writer schema. */
    public static AvroDeserializer<org.apache.avro.generic.GenericRecord> generic(final SchemaRegistryClient registry) {
        return new AvroDeserializer<>(registry, null);
    }

    /**
     * Generic records resolved into the given reader schema, as a consumer built against a newer (or older)
     * version of a schema reads.
     */
    public static AvroDeserializer<org.apache.avro.generic.GenericRecord> generic(final SchemaRegistryClient registry,
                                                                                  final Schema readerSchema) {
        final AvroDeserializer<org.apache.avro.generic.GenericRecord> deserializer = new AvroDeserializer<>(registry, null);
        deserializer.readerSchema = Objects.requireNonNull(readerSchema, "readerSchema");
        return deserializer;
    }

    /** Records of a generated class, resolved into that class's schema. */
    public static <R extends SpecificRecord> AvroDeserializer<R> specific(final SchemaRegistryClient registry, final Class<R> type) {
        return new AvroDeserializer<>(registry, Objects.requireNonNull(type, "type"));
    }

    /**
     * @throws ConfigException for a missing or unusable setting
     */
    @Override
    public void configure(final Map<String, ?> configs, final boolean key) {
        this.isKey = key;
        try {
            if (targetType == null && readerSchema == null) {
                this.specific = SchemaRegistryClientConfig.flag(configs, SPECIFIC_AVRO_READER_CONFIG, false);
                final String typeKey = key ? SPECIFIC_AVRO_KEY_TYPE_CONFIG : SPECIFIC_AVRO_VALUE_TYPE_CONFIG;
                final Object type = configs.get(typeKey);
                if (type != null && !type.toString().isBlank()) {
                    this.targetType = generatedClass(typeKey, type);
                    this.specific = true;
                }
            }
            if (registry == null) {
                this.registry = new SchemaRegistryClient(SchemaRegistryClientConfig.fromMap(configs));
                this.ownsRegistry = true;
            }
        } catch (final IllegalArgumentException e) {
            throw new ConfigException("AvroDeserializer: " + e.getMessage());
        }
    }

    /** Reads the schema id from Confluent's schema-id header when present, else from the value's prefix. */
    @Override
    public T deserialize(final String topic, final Headers headers, final byte[] data) {
        if (data == null) {
            return null;
        }
        final Header idHeader = headers == null ? null : headers.lastHeader(isKey ? KEY_SCHEMA_ID_HEADER : VALUE_SCHEMA_ID_HEADER);
        if (idHeader == null || idHeader.value() == null) {
            return deserialize(topic, data);
        }
        final int id;
        try {
            id = ConfluentWireFormat.schemaId(idHeader.value(), "header " + idHeader.key());
        } catch (final ConfluentWireFormat.WireFormatException e) {
            throw new SerializationException("Topic " + topic + ": " + e.getMessage());
        }
        return read(topic, id, data, 0);
    }

    @Override
    public T deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        final int id;
        try {
            id = ConfluentWireFormat.schemaId(data);
        } catch (final ConfluentWireFormat.WireFormatException e) {
            throw new SerializationException("Topic " + topic + ": " + e.getMessage());
        }
        return read(topic, id, data, ConfluentWireFormat.HEADER_SIZE);
    }

    /** Closes the registry client only if {@link #configure} made it. */
    @Override
    public void close() {
        if (ownsRegistry && registry != null) {
            registry.close();
        }
    }

    private T read(final String topic, final int id, final byte[] data, final int offset) {
        if (registry == null) {
            throw new SerializationException("AvroDeserializer for topic " + topic
                    + " is not configured: call configure() or build it with a SchemaRegistryClient");
        }
        final WriterReader<T> reader = readerFor(topic, id);
        final int bodySize = data.length - offset;
        final T value;
        final int left;
        try {
            final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, offset, bodySize, null);
            value = reader.reader().read(null, decoder);
            left = decoder.isEnd() ? 0 : decoder.inputStream().available();
        } catch (final IOException | RuntimeException e) {
            // EOF for a truncated body; AvroRuntimeException, index or length errors for corrupt bytes
            throw new SerializationException("Topic " + topic + ": cannot decode the " + bodySize + "-byte Avro body written with schema id "
                    + id + " (writer " + reader.writerName() + ") as " + readerName() + ": " + e, e);
        }
        if (left > 0) {
            throw new SerializationException("Topic " + topic + ": the " + bodySize + "-byte Avro body written with schema id " + id
                    + " (writer " + reader.writerName() + ") holds a whole record in its first " + (bodySize - left) + " bytes and "
                    + left + " byte(s) after it; a record in the wire format ends where its Avro body ends, so it is corrupt"
                    + " or not what it claims to be");
        }
        return value;
    }

    /**
     * The reader for a writer schema id, made once. The registry is asked outside any map computation: a lookup that
     * blocks and retries must not hold a map bin (and other ids' readers) while it sleeps.
     */
    private WriterReader<T> readerFor(final String topic, final int id) {
        final WriterReader<T> cached = readers.get(id);
        if (cached != null) {
            return cached;
        }
        final Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (final SchemaRegistryException e) {
            if (e.isUnavailable()) {
                throw new RegistryUnavailableException("Topic " + topic + ": the schema registry at " + registry.baseUrl()
                        + " gave no answer for schema id " + id + ", so the record cannot be read yet (it is not known to be bad): "
                        + e.getMessage(), e);
            }
            final String why = e.isNotFound() ? "unknown schema id " + id + " (the registry at " + registry.baseUrl() + " has no such id)"
                    : "cannot fetch schema id " + id;
            throw new SerializationException("Topic " + topic + ": " + why + ": " + e.getMessage(), e);
        }
        final WriterReader<T> made = new WriterReader<>(writer.getFullName(), newReader(topic, id, writer));
        final WriterReader<T> raced = readers.putIfAbsent(id, made);
        return raced != null ? raced : made;
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> newReader(final String topic, final int id, final Schema writer) {
        if (!specific) {
            return new GenericDatumReader<>(writer, readerSchema != null ? readerSchema : writer, GenericData.get());
        }
        final Class<?> type = targetType != null ? targetType : SpecificData.get().getClass(writer);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new SerializationException("Topic " + topic + ": schema id " + id + " is " + writer.getFullName()
                    + ", and no generated class of that name is on the classpath to read it into (" + SPECIFIC_AVRO_READER_CONFIG
                    + " is on); add the class, set " + SPECIFIC_AVRO_VALUE_TYPE_CONFIG + ", or read generic records");
        }
        final SpecificData model = SpecificData.getForClass(type);
        return new SpecificDatumReader<>(writer, model.getSchema(type), model);
    }

    private String readerName() {
        if (targetType != null) {
            return targetType.getName();
        }
        if (readerSchema != null) {
            return "generic " + readerSchema.getFullName();
        }
        return specific ? "its generated class" : "a generic record";
    }

    /** A reader resolving one writer schema into the reader's, and the writer's name for error messages. */
    private record WriterReader<T>(String writerName, DatumReader<T> reader) {
    }

    private static Class<?> generatedClass(final String key, final Object type) {
        final Class<?> loaded;
        if (type instanceof Class<?> given) {
            loaded = given;
        } else {
            try {
                loaded = Class.forName(type.toString().trim(), true, Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader() : AvroDeserializer.class.getClassLoader());
            } catch (final ClassNotFoundException e) {
                throw new IllegalArgumentException(key + ": class " + type + " is not on the classpath", e);
            }
        }
        if (!SpecificRecord.class.isAssignableFrom(loaded)) {
            throw new IllegalArgumentException(key + ": " + loaded.getName() + " is not a generated Avro SpecificRecord class");
        }
        return loaded;
    }
}
