/**
 * The embedded stack: a real Kafka KRaft node inside the JVM and Apicurio Registry as a child process, for
 * {@code ./newswire dev} and for every integration test. No Docker engine needed.
 */
package io.newswire.embedded;
