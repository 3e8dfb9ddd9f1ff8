package io.newswire.launcher;

import io.newswire.alerter.rules.RuleParser;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.AlertRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `newswire alerts rules add` without a broker: each rule flag lands in the rule the command would write (checked by
 * the alerter's own RuleParser), and a bad rule or --file beside flags is refused before anything connects.
 */
class AlertsCommandTest {

    @TempDir
    Path dir;

    @Test
    @Covers({"alerts rules add --id", "alerts rules add --desk", "alerts rules add --description", "alerts rules add --urgency",
            "alerts rules add --term", "alerts rules add --place", "alerts rules add --area", "alerts rules add --party",
            "alerts rules add --subject", "alerts rules add --language", "alerts rules add --signal",
            "alerts rules add --escalate-on-corroboration"})
    void shouldPutEachFlagIntoTheRuleWhenAddedFromFlags() {
        // Given every rule flag
        final AlertsCommand.Add add = parsedAdd("--id", "aleppo-flash", "--desk", "syria", "--description", "Flashes from Aleppo",
                "--urgency", "2", "--term", "Aleppo", "--place", "geonames:170063", "--area", "36.2,37.16,25",
                "--party", "newswire:sdf", "--subject", "medtop:16000000", "--language", "ar", "--signal", "NEW",
                "--escalate-on-corroboration");

        // When the rule is made as the command makes it
        final AlertRule rule = new RuleParser(new MatchingTextNormalizer(), Clock.systemUTC()).parse(add.fromFlags());

        // Then it carries each of them
        assertThat(rule.getRuleId()).isEqualTo("aleppo-flash");
        assertThat(rule.getDesk()).isEqualTo("syria");
        assertThat(rule.getDescription()).isEqualTo("Flashes from Aleppo");
        assertThat(rule.getUrgencyAtLeast()).isEqualTo(2);
        assertThat(rule.getTerms()).hasSize(1);
        assertThat(rule.getPlaceIds()).containsExactly("geonames:170063");
        assertThat(rule.getAreas()).singleElement().satisfies(area -> {
            assertThat(area.getLatitude()).isEqualTo(36.2);
            assertThat(area.getLongitude()).isEqualTo(37.16);
            assertThat(area.getRadiusKm()).isEqualTo(25.0);
        });
        assertThat(rule.getPartyIds()).containsExactly("newswire:sdf");
        assertThat(rule.getSubjects()).containsExactly("medtop:16000000");
        assertThat(rule.getLanguages()).containsExactly("ar");
        assertThat(rule.getSignals().toString()).contains("NEW");
        assertThat(rule.getEscalateOnCorroboration()).isTrue();
        // and without the flags, none of it
        final AlertRule bare = new RuleParser(new MatchingTextNormalizer(), Clock.systemUTC())
                .parse(parsedAdd("--id", "bare", "--desk", "syria", "--term", "x").fromFlags());
        assertThat(bare.getEscalateOnCorroboration()).isFalse();
        assertThat(bare.getPlaceIds()).isEmpty();
    }

    @Test
    @Covers("alerts rules add --file")
    void shouldReadTheRuleFromTheFileAndRefuseFlagsBesideItWhenGivenAFile() throws IOException {
        // Given a rule file with a bad urgency (no broker: the refusal comes first)
        final Path bad = Files.writeString(dir.resolve("bad.json"), "{\"ruleId\":\"r1\",\"desk\":\"syria\",\"urgencyAtLeast\":0,\"terms\":[\"x\"]}");
        final Path good = Files.writeString(dir.resolve("good.json"), "{\"ruleId\":\"r1\",\"desk\":\"syria\",\"terms\":[\"x\"]}");

        final CommandRun fromFile = CommandRun.of("alerts", "rules", "add", "--file", bad.toString(), "--bootstrap-servers", "127.0.0.1:1");
        final CommandRun both = CommandRun.of("alerts", "rules", "add", "--file", good.toString(), "--desk", "iraq", "--bootstrap-servers", "127.0.0.1:1");

        // Then the file's problem is named, and a flag beside the file is refused, not dropped
        assertThat(fromFile.exitCode()).isEqualTo(2);
        assertThat(fromFile.err()).contains("Rule refused:").contains("/urgencyAtLeast");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--file gives the whole rule; give either --file or the rule flags");
    }

    private static AlertsCommand.Add parsedAdd(final String... options) {
        final String[] args = new String[3 + options.length];
        args[0] = "alerts";
        args[1] = "rules";
        args[2] = "add";
        System.arraycopy(options, 0, args, 3, options.length);
        ParseResult result = Newswire.commandLine().parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return (AlertsCommand.Add) result.commandSpec().userObject();
    }
}
