package io.newswire.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** `newswire subscribers add` refuses bad input with the field and the reason, before it connects to anything. */
class SubscribersCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureErr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(originalErr);
    }

    @Test
    @Covers("subscribers add --filter")
    void shouldExitWith2AndNameTheKeyWhenAFilterKeyIsUnknown() {
        // no broker is running here: the refusal must come before any connection
        final int code = Newswire.run("subscribers", "add", "--id", "partner-a", "--url", "https://partner.example/hooks",
                "--filter", "dsk=syria", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Refused: filter.dsk: unknown filter key 'dsk'");
    }

    @Test
    @Covers("subscribers add --url")
    void shouldExitWith2WhenTheUrlIsMalformed() {
        final int code = Newswire.run("subscribers", "add", "--id", "partner-a", "--url", "partner.example/hooks",
                "--bootstrap-servers", "127.0.0.1:1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Refused: url: 'partner.example/hooks' must be an absolute http:// or https:// URL");
    }

    @Test
    @Covers("subscribers add --id")
    void shouldExitWith2AndNameTheIdWhenTheIdIsNotASubscriberId() {
        // upper case and a space: not an id (no broker here, the refusal must come first)
        final int code = Newswire.run("subscribers", "add", "--id", "Partner A", "--url", "https://partner.example/hooks",
                "--bootstrap-servers", "127.0.0.1:1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Refused: id: 'Partner A' must be 2-63 characters");
    }

    @Test
    @Covers("subscribers add --secret")
    void shouldExitWith2AndNameTheSecretWhenTheSecretIsNotAWebhookSecret() {
        final int code = Newswire.run("subscribers", "add", "--id", "partner-a", "--url", "https://partner.example/hooks",
                "--secret", "hunter2", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Refused: secret: ");
    }
}
