package io.newswire.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The extra path where a Docker engine exists: the same integration tests against the {@code apache/kafka}
 * image and Confluent's own {@code cp-schema-registry}. Chosen with {@code -Dnewswire.test.stack=testcontainers}, or
 * {@code auto} (containers when Docker answers, else embedded). The embedded stack stays the default, so a machine
 * without Docker runs every test.
 */
final class ContainerStack implements AutoCloseable {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    static final String REGISTRY_IMAGE = "confluentinc/cp-schema-registry:7.9.0";

    private final Network network = Network.newNetwork();
    private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE).withNetwork(network).withListener("kafka:19092");
    private final GenericContainer<?> registry = new GenericContainer<>(REGISTRY_IMAGE).withNetwork(network)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .withExposedPorts(8081)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (final RuntimeException | LinkageError e) {
            return false;
        }
    }

    ContainerStack start() {
        kafka.start();
        registry.start();
        try {
            // the same explicit evolution rule as the embedded registry
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(schemaRegistryUrl() + "/config"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}")).build(), HttpResponse.BodyHandlers.discarding());
        } catch (final Exception e) {
            throw new IllegalStateException("Cannot configure the registry container: " + e.getMessage(), e);
        }
        return this;
    }

    String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    String schemaRegistryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    }

    @Override
    public void close() {
        registry.stop();
        kafka.stop();
        network.close();
    }
}
