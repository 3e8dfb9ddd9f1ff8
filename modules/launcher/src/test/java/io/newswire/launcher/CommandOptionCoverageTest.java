package io.newswire.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structural guard of issue 19: every option and positional parameter of every `newswire` command must be
 * claimed by a test ({@link Covers}) that shows it acts (or is refused). A new option nobody tested fails the build
 * here, naming it. The standard --help and --version, which every command carries, are checked here on every command.
 */
class CommandOptionCoverageTest {

    @Test
    void shouldHaveATestForEveryOptionWhenWalkingEveryCommandsSpec() throws Exception {
        // Given every option of every command, and every option a test claims
        final Map<String, String> options = optionsOfEveryCommand();
        final Map<String, String> aliases = aliasesOfEveryOption();
        final Map<String, List<String>> claims = new TreeMap<>();
        // a claim may name any of an option's names (-D or --set): count it for the option
        claimedByTests().forEach((claim, tests) -> claims.computeIfAbsent(aliases.getOrDefault(claim, claim), k -> new ArrayList<>()).addAll(tests));

        // Then each option has a test, and no test claims an option that does not exist (a stale claim proves nothing)
        assertThat(new TreeSet<>(options.keySet())).as("options without a test that they act (add one, marked @Covers)")
                .allSatisfy(option -> assertThat(claims).as(option).containsKey(option));
        assertThat(new TreeSet<>(claims.keySet())).as("@Covers naming no option of any command")
                .allSatisfy(claim -> assertThat(options).as(claim + " claimed by " + claims.get(claim)).containsKey(claim));
    }

    @Test
    void shouldPrintItsOwnUsageForHelpOnEveryCommand() {
        for (final String path : commandPaths()) {
            // When
            final CommandRun run = CommandRun.of(args(path, "--help"));

            // Then
            assertThat(run.exitCode()).as(path).isZero();
            assertThat(run.out()).as(path).containsPattern("Usage: newswire" + (path.isEmpty() ? "" : " " + path) + " \\[-[a-zA-Z]*h")
                    .contains("-h, --help");
        }
    }

    @Test
    void shouldPrintTheVersionForVersionOnEveryCommand() {
        // every command but picocli's own `help`, which offers no --version
        for (final String path : commandPaths().stream().filter(p -> !"help".equals(p)).toList()) {
            final CommandRun run = CommandRun.of(args(path, "--version"));

            assertThat(run.exitCode()).as(path).isZero();
            assertThat(run.out().trim()).as(path).isEqualTo("newswire 0.1.0");
        }
    }

    @Test
    void shouldListEachCommandOnceWhenAskedForHelp() {
        final CommandRun run = CommandRun.of("--help");
        final List<String> listed = run.out().lines().dropWhile(l -> !l.startsWith("Commands:")).skip(1)
                .filter(l -> l.matches("  [a-z]\\S*\\s.*")).map(l -> l.trim().split("\\s+")[0]).toList();

        assertThat(listed).as("every subcommand, each once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Newswire.commandLine().getSubcommands().keySet());
    }

    @Test
    @Covers({"help COMMAND", "help --help"})
    void shouldPrintTheNamedCommandsUsageWhenAskedForHelpOnIt() {
        final CommandRun tail = CommandRun.of("help", "tail");
        final CommandRun itself = CommandRun.of("help", "--help");

        assertThat(tail.out()).startsWith("Usage: newswire tail").contains("--follow");
        assertThat(itself.out()).contains("Usage: newswire help").doesNotContain("--follow");
    }

    /** "path option" of every option and positional, standard help options left to the two tests above. */
    static Map<String, String> optionsOfEveryCommand() {
        final Map<String, String> options = new TreeMap<>();
        walk(Newswire.commandLine(), (path, spec) -> {
            for (final OptionSpec option : spec.options()) {
                final boolean standard = (option.usageHelp() || option.versionHelp()) && !"help".equals(path);
                if (!standard) {
                    options.put(path + " " + option.longestName(), spec.qualifiedName());
                }
            }
            for (final PositionalParamSpec positional : spec.positionalParameters()) {
                options.put(path + " " + positional.paramLabel(), spec.qualifiedName());
            }
        });
        return options;
    }

    /** "path name" of every name of every option to "path longest-name". */
    private static Map<String, String> aliasesOfEveryOption() {
        final Map<String, String> aliases = new TreeMap<>();
        walk(Newswire.commandLine(), (path, spec) -> {
            for (final OptionSpec option : spec.options()) {
                for (final String name : option.names()) {
                    aliases.put(path + " " + name, path + " " + option.longestName());
                }
            }
        });
        return aliases;
    }

    private static List<String> commandPaths() {
        final List<String> paths = new ArrayList<>();
        walk(Newswire.commandLine(), (path, spec) -> paths.add(path));
        return paths;
    }

    private interface Visitor {
        void visit(String path, CommandSpec spec);
    }

    private static void walk(final CommandLine command, final Visitor visitor) {
        final String qualified = command.getCommandSpec().qualifiedName(" ");
        visitor.visit(qualified.equals("newswire") ? "" : qualified.substring("newswire ".length()), command.getCommandSpec());
        command.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, visitor));
    }

    private static String[] args(final String path, final String option) {
        return Stream.concat(path.isEmpty() ? Stream.empty() : Stream.of(path.split(" ")), Stream.of(option)).toArray(String[]::new);
    }

    /** Option to the test methods claiming it, read from every compiled test class of this package. */
    private static Map<String, List<String>> claimedByTests() throws IOException, URISyntaxException, ClassNotFoundException {
        final Path root = Path.of(CommandOptionCoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        final Path dir = root.resolve(CommandOptionCoverageTest.class.getPackageName().replace('.', '/'));
        final Map<String, List<String>> claims = new TreeMap<>();
        final List<Path> classes;
        try (Stream<Path> files = Files.list(dir)) {
            classes = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (final Path file : classes) {
            final String name = CommandOptionCoverageTest.class.getPackageName() + "."
                    + file.getFileName().toString().replaceFirst("\\.class$", "");
            for (final Method method : Class.forName(name, false, CommandOptionCoverageTest.class.getClassLoader()).getDeclaredMethods()) {
                final Covers covers = method.getAnnotation(Covers.class);
                // only a method JUnit runs proves anything
                if (covers != null && (method.isAnnotationPresent(Test.class) || method.isAnnotationPresent(ParameterizedTest.class))) {
                    for (final String option : covers.value()) {
                        claims.computeIfAbsent(option, k -> new ArrayList<>()).add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        return claims;
    }
}
