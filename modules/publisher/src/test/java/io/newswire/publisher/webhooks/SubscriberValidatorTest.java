package io.newswire.publisher.webhooks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriberValidatorTest {

    @Test
    void shouldAcceptAnHttpsUrlAndTheApiFiltersWhenWellFormed() {
        assertThat(SubscriberValidator.url("https://partner.example/hooks/newswire?src=nw").getHost()).isEqualTo("partner.example");
        assertThat(SubscriberValidator.parseFilter(List.of("desk=syria,iraq", "language=ar", "urgency=3", "desk=yemen", "pubstatus=usable")))
                .containsExactly(Map.entry("desk", List.of("syria", "iraq", "yemen")), Map.entry("language", List.of("ar")),
                        Map.entry("pubstatus", List.of("usable")), Map.entry("urgency", List.of("3")));
    }

    @Test
    void shouldNameTheKeyWhenAFilterKeyIsUnknown() {
        // a misspelt key must not silently widen the subscription to every desk
        assertThatThrownBy(() -> SubscriberValidator.parseFilter(List.of("dsk=syria")))
                .isInstanceOfSatisfying(InvalidSubscriberException.class, e -> assertThat(e.field()).isEqualTo("filter.dsk"))
                .hasMessage("filter.dsk: unknown filter key 'dsk'; use one of desk, language, party, place, pubstatus, subject, urgency");
    }

    @Test
    void shouldSayWhatIsWrongWhenAFilterValueIsBad() {
        assertThatThrownBy(() -> SubscriberValidator.parseFilter(List.of("urgency=0"))).hasMessage("filter.urgency: 0 is outside 1 (flash) to 9");
        assertThatThrownBy(() -> SubscriberValidator.parseFilter(List.of("urgency=high"))).hasMessageContaining("'high' is not a number");
        assertThatThrownBy(() -> SubscriberValidator.parseFilter(List.of("pubstatus=live"))).hasMessageContaining("'live' is not one of");
        assertThatThrownBy(() -> SubscriberValidator.parseFilter(List.of("desk="))).hasMessage("filter.desk: has no value");
        assertThatThrownBy(() -> SubscriberValidator.parseFilter(List.of("syria"))).hasMessageContaining("must be key=value");
    }

    @Test
    void shouldRefuseTheUrlWhenMalformedNotHttpHostlessOrCarryingCredentials() {
        assertThatThrownBy(() -> SubscriberValidator.url("http://exa mple.com/")).hasMessageStartingWith("url: 'http://exa mple.com/' is malformed");
        assertThatThrownBy(() -> SubscriberValidator.url("ftp://example.com/in")).hasMessageContaining("must be an absolute http:// or https:// URL");
        assertThatThrownBy(() -> SubscriberValidator.url("/hooks")).hasMessageContaining("must be an absolute http:// or https:// URL");
        assertThatThrownBy(() -> SubscriberValidator.url("http:///hooks")).hasMessageContaining("has no host");
        assertThatThrownBy(() -> SubscriberValidator.url("https://user:pw@example.com/")).hasMessageContaining("must not carry credentials");
        assertThatThrownBy(() -> SubscriberValidator.url("")).hasMessage("url: is required");
    }

    @Test
    void shouldRefuseAnIdWhenItHasUpperCaseOrSpaces() {
        assertThatThrownBy(() -> SubscriberValidator.id("Partner A")).isInstanceOfSatisfying(InvalidSubscriberException.class,
                e -> assertThat(e.field()).isEqualTo("id"));
    }
}
