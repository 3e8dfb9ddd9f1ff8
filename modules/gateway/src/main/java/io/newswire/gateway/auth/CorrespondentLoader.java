package io.newswire.gateway.auth;

import io.newswire.model.CorrespondentCredential;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.kafka.TopicFollower;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Map;

/** Fills a {@link CorrespondentDirectory} from {@code newswire.correspondents.v1} and keeps following it. */
public final class CorrespondentLoader implements AutoCloseable {

    private final TopicFollower<String, CorrespondentCredential> follower;

    public CorrespondentLoader(final CorrespondentDirectory directory, final Map<String, Object> consumerConfig,
                               final Deserializer<CorrespondentCredential> values) {
        this.follower = new TopicFollower<>(Topics.CORRESPONDENTS.name(), consumerConfig, new StringDeserializer(), values,
                record -> directory.apply(record.key(), record.value()));
    }

    public CorrespondentLoader start() {
        follower.start();
        return this;
    }

    /** Waits until the credentials on the topic at start have been read. */
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
