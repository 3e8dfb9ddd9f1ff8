/**
 * Avro in Confluent's wire format, byte for byte, and a client for the Confluent Schema Registry REST API: what lets
 * any Confluent client or tool read Newswire's topics, and Newswire read theirs.
 *
 * <p>Where to start: {@link io.newswire.serde.NewswireSerdes} (the one serde factory, driven by the topic catalogue);
 * {@link io.newswire.serde.ConfluentWireFormat} (the 5-byte header, pure); {@link io.newswire.serde.AvroSerializer} and
 * {@link io.newswire.serde.AvroDeserializer} (Kafka's interfaces, usable by class name with Confluent's config keys);
 * {@link io.newswire.serde.SchemaRegistryClient} (REST, caches, retries, errors that say what to fix).
 * No topics are read or written here; the serdes serve every module's topics.
 */
package io.newswire.serde;
