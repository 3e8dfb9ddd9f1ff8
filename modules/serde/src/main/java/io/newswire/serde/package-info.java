/**
 * Avro in Confluent's wire format, byte for byte, with a client for the Confluent Schema Registry REST API:
 * what lets any Confluent client or tool read Newswire's topics.
 */
package io.newswire.serde;
