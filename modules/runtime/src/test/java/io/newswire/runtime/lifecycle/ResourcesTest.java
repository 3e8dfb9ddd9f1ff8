package io.newswire.runtime.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResourcesTest {

    @Test
    void shouldCloseLastOpenedFirstAndGoOnWhenOneFails() {
        final List<String> closed = new ArrayList<>();
        final Resources resources = new Resources();
        resources.keep(() -> closed.add("client"));
        resources.keep(() -> {
            closed.add("follower");
            throw new IllegalStateException("broken");
        });
        resources.keep(() -> closed.add("server"));

        resources.close();
        resources.close(); // a second close closes nothing again

        assertThat(closed).containsExactly("server", "follower", "client");
    }
}
