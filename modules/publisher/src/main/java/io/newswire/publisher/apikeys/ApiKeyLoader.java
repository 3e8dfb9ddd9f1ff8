package io.newswire.publisher.apikeys;

import io.newswire.model.ApiKey;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.kafka.TopicFollower;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Map;

/** Fills an {@link ApiKeyDirectory} from {@code newswire.publisher.api-keys.v1} and keeps following it. */
public final class ApiKeyLoader implements AutoCloseable {

    private final TopicFollower<String, ApiKey> follower;

    public ApiKeyLoader(final ApiKeyDirectory directory, final Map<String, Object> consumerConfig, final Deserializer<ApiKey> values) {
        this.follower = new TopicFollower<>(Topics.API_KEYS.name(), consumerConfig, new StringDeserializer(), values,
                record -> directory.apply(record.key(), record.value()));
    }

    public ApiKeyLoader start() {
        follower.start();
        return this;
    }

    /** Waits until the keys on the topic at start have been read. */
    public boolean awaitLoaded(final Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    public boolean isLoaded() {
        return follower.isCaughtUp();
    }

    @Override
    public void close() {
        follower.close();
    }
}
