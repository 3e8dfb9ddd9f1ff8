package io.newswire.alerter.health;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayProberTest {

    @Test
    void shouldSayAGatewayWithNothingListeningDoesNotAnswer() throws Exception {
        final int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        final String gateway = "http://127.0.0.1:" + closed;

        final GatewayProbe probe = new GatewayProber(List.of(gateway + "/")).probeAll().get(gateway);

        assertThat(probe.normal()).isFalse();
        assertThat(probe.describe()).isEqualTo("does not answer /ready (ConnectException)");
    }

    @Test
    void shouldRejectAnEntryThatIsNotAnHttpBaseUrlNamingIt() {
        assertThatThrownBy(() -> new GatewayProber(List.of("http://gw:8080", "gw:8080")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alerter.gateway.urls: 'gw:8080'");
        assertThat(new GatewayProber(List.of(" http://gw:8080/ ", "", "http://gw:8080")).gateways()).containsExactly("http://gw:8080");
    }
}
