package io.newswire.alerter.suppression;

import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.PubStatus;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationPolicyTest {

    private static final UUID ARTICLE = UUID.randomUUID();

    private static ArticleUpdate version(final int version, final Signal signal, final Integer urgency, final String... correspondents) {
        final List<ArticleSource> sources = new ArrayList<>();
        for (int i = 0; i < correspondents.length; i++) {
            sources.add(ArticleSource.newBuilder().setReportId(UUID.randomUUID()).setCorrespondentId(correspondents[i])
                    .setRole(i == 0 ? SourceRole.ORIGIN : SourceRole.CORROBORATION).build());
        }
        return ArticleUpdate.newBuilder().setArticleId(ARTICLE).setVersion(version).setSignal(signal).setPubStatus(PubStatus.USABLE)
                .setLanguage("ar").setHeadline("h").setBody(List.of("b")).setUrgency(urgency).setTriggeringReportId(UUID.randomUUID())
                .setSources(sources).setFirstCreated(Instant.EPOCH).setVersionCreated(Instant.EPOCH).build();
    }

    /** Runs the versions through the policy as the processor does and returns what alerted. */
    private static List<Optional<Escalation>> run(final boolean corroboration, final boolean[] matches, final ArticleUpdate... versions) {
        StoryRuleState state = null;
        final List<Optional<Escalation>> alerts = new ArrayList<>();
        for (int i = 0; i < versions.length; i++) {
            final EscalationPolicy.Decision decision = EscalationPolicy.decide(state, versions[i], matches[i], corroboration, 1_000L * i);
            if (decision.state().isPresent()) {
                state = decision.state().get();
            }
            alerts.add(decision.alert());
        }
        return alerts;
    }

    @Test
    void shouldAlertOnceWhenLaterVersionsDoNotEscalate() {
        // a story matched, then updated twice with the same urgency: one alert
        final List<Optional<Escalation>> alerts = run(false, new boolean[]{true, true, true},
                version(1, Signal.NEW, 5, "reem"), version(2, Signal.UPDATE, 5, "reem"), version(3, Signal.UPDATE, 6, "reem"));

        assertThat(alerts).containsExactly(Optional.of(Escalation.FIRST), Optional.empty(), Optional.empty());
    }

    @Test
    void shouldNotAlertWhenTheStoryNeverMatched() {
        assertThat(run(false, new boolean[]{false, false}, version(1, Signal.NEW, 5, "reem"), version(2, Signal.CORRECTION, 5, "reem")))
                .containsExactly(Optional.empty(), Optional.empty());
    }

    @Test
    void shouldAlertAgainWhenUrgencyRisesAndOnlyOnceForThatLevel() {
        final List<Optional<Escalation>> alerts = run(false, new boolean[]{true, true, true, true},
                version(1, Signal.NEW, 5, "reem"), version(2, Signal.UPDATE, 3, "reem"), version(3, Signal.UPDATE, 3, "reem"),
                version(4, Signal.UPDATE, 4, "reem"));

        assertThat(alerts).containsExactly(Optional.of(Escalation.FIRST), Optional.of(Escalation.URGENCY_RAISED), Optional.empty(), Optional.empty());
    }

    @Test
    void shouldAlertOnCorrectionAndWithdrawalEvenWhenTheNewTextNoLongerMatches() {
        // the desk was told of the story; it is told the story changed, though the correction took out the watched name
        final List<Optional<Escalation>> alerts = run(false, new boolean[]{true, false, false},
                version(1, Signal.NEW, 5, "reem"), version(2, Signal.CORRECTION, 5, "reem"), version(3, Signal.WITHDRAWAL, 5, "reem"));

        assertThat(alerts).containsExactly(Optional.of(Escalation.FIRST), Optional.of(Escalation.CORRECTION), Optional.of(Escalation.WITHDRAWAL));
    }

    @Test
    void shouldAlertOnANewCorroboratingCorrespondentOnlyWhenTheRuleAsks() {
        final ArticleUpdate[] versions = {version(1, Signal.NEW, 5, "reem"), version(2, Signal.UPDATE, 5, "reem", "samir"),
                version(3, Signal.UPDATE, 5, "reem", "samir"), version(4, Signal.UPDATE, 5, "reem", "samir", "lina")};
        final boolean[] matches = {true, true, true, true};

        assertThat(run(true, matches, versions)).containsExactly(Optional.of(Escalation.FIRST), Optional.of(Escalation.CORROBORATION),
                Optional.empty(), Optional.of(Escalation.CORROBORATION));
        assertThat(run(false, matches, versions)).containsExactly(Optional.of(Escalation.FIRST), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void shouldIgnoreAVersionNotNewerThanTheLastSeen() {
        // a replayed version 1 after version 2: nothing, and the state does not move back
        final StoryRuleState afterTwo = new StoryRuleState(2, 5, List.of("reem"), 0);

        final EscalationPolicy.Decision decision = EscalationPolicy.decide(afterTwo, version(1, Signal.CORRECTION, 1, "reem"), true, true, 5);

        assertThat(decision.alert()).isEmpty();
        assertThat(decision.state()).isEmpty();
    }

    @Test
    void shouldForgetRulesWhoseLastAlertIsOlderThanTheCutoff() {
        final StoryAlerts story = StoryAlerts.empty().with("old", new StoryRuleState(1, 5, List.of(), 1_000))
                .with("recent", new StoryRuleState(1, 5, List.of(), 9_000));

        assertThat(story.withoutAlertsBefore(5_000).rules()).containsOnlyKeys("recent");
        assertThat(story.newestAlertAt()).isEqualTo(9_000);
    }
}
