package io.newswire.launcher;

import io.newswire.runtime.config.NewswireConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster and settings options of every command that talks to Kafka (and of `schemas register`, which talks to
 * the registry only), parsed as `newswire` parses them: the settings each command then runs with must carry what the
 * option said. No broker: what the settings do on a broker is shown by the integration tests of the commands.
 */
class ConnectionOptionsTest {

    /** Cluster commands, each with the arguments it requires besides the connection options. */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("tail", List.of("newswire.dlq.v1")),
            Map.entry("correspondents add", List.of("--id", "reem", "--name", "Reem")),
            Map.entry("correspondents list", List.of()),
            Map.entry("correspondents revoke", List.of("reem")),
            Map.entry("topics create", List.of()),
            Map.entry("init", List.of()),
            Map.entry("gateway", List.of()),
            Map.entry("process", List.of()),
            Map.entry("publish", List.of()),
            Map.entry("dashboard", List.of()),
            Map.entry("alert", List.of()),
            Map.entry("apikeys add", List.of("--id", "desk-editors", "--name", "Desk editors")),
            Map.entry("apikeys list", List.of()),
            Map.entry("apikeys remove", List.of("desk-editors")),
            Map.entry("subscribers add", List.of("--id", "partner-a", "--url", "https://partner.example/hooks")),
            Map.entry("subscribers list", List.of()),
            Map.entry("subscribers remove", List.of("partner-a")),
            Map.entry("subscribers replay", List.of("partner-a")),
            Map.entry("alerts rules add", List.of("--id", "syria-flash", "--desk", "syria")),
            Map.entry("alerts rules list", List.of()),
            Map.entry("alerts rules remove", List.of("syria-flash")),
            Map.entry("dlq show", List.of("0:0")),
            Map.entry("dlq replay", List.of("0:0")));

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tail", "correspondents add", "correspondents list", "correspondents revoke", "topics create", "init", "gateway", "process", "publish", "alert", "dashboard", "apikeys add", "apikeys list", "apikeys remove", "subscribers add", "subscribers list", "subscribers remove", "subscribers replay", "alerts rules add", "alerts rules list", "alerts rules remove", "dlq list", "dlq show", "dlq replay", "status"})
    @Covers({"tail --bootstrap-servers", "correspondents add --bootstrap-servers", "correspondents list --bootstrap-servers",
            "correspondents revoke --bootstrap-servers", "topics create --bootstrap-servers", "init --bootstrap-servers",
            "gateway --bootstrap-servers", "process --bootstrap-servers",
            "publish --bootstrap-servers", "alert --bootstrap-servers", "dashboard --bootstrap-servers", "apikeys add --bootstrap-servers", "apikeys list --bootstrap-servers", "apikeys remove --bootstrap-servers", "subscribers add --bootstrap-servers", "subscribers list --bootstrap-servers", "subscribers remove --bootstrap-servers", "subscribers replay --bootstrap-servers", "alerts rules add --bootstrap-servers", "alerts rules list --bootstrap-servers", "alerts rules remove --bootstrap-servers", "dlq list --bootstrap-servers", "dlq show --bootstrap-servers", "dlq replay --bootstrap-servers", "status --bootstrap-servers"})
    void shouldUseTheGivenBrokerEvenWhenADevStackIsRunning(final String command) throws IOException {
        // Given a dev stack's endpoints in the data dir: the flag must still win
        writeDevEndpoints();

        final NewswireConfig settings = settingsOf(command, "--data-dir", dir.toString(), "--bootstrap-servers", "staging-1:9092,staging-2:9092");

        assertThat(settings.bootstrapServers()).isEqualTo("staging-1:9092,staging-2:9092");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tail", "correspondents add", "correspondents list", "correspondents revoke", "init", "gateway", "process", "publish", "alert", "dashboard", "apikeys add", "apikeys list", "apikeys remove", "subscribers add", "subscribers list", "subscribers remove", "subscribers replay", "alerts rules add", "alerts rules list", "alerts rules remove", "dlq list", "dlq show", "dlq replay", "status"})
    @Covers({"tail --schema-registry-url", "correspondents add --schema-registry-url", "correspondents list --schema-registry-url",
            "correspondents revoke --schema-registry-url", "init --schema-registry-url",
            "gateway --schema-registry-url", "process --schema-registry-url",
            "publish --schema-registry-url", "alert --schema-registry-url", "dashboard --schema-registry-url", "apikeys add --schema-registry-url", "apikeys list --schema-registry-url", "apikeys remove --schema-registry-url", "subscribers add --schema-registry-url", "subscribers list --schema-registry-url", "subscribers remove --schema-registry-url", "subscribers replay --schema-registry-url", "alerts rules add --schema-registry-url", "alerts rules list --schema-registry-url", "alerts rules remove --schema-registry-url", "dlq list --schema-registry-url", "dlq show --schema-registry-url", "dlq replay --schema-registry-url", "status --schema-registry-url"})
    void shouldUseTheGivenRegistryWhenGivenWithOrWithoutABroker(final String command) throws IOException {
        writeDevEndpoints();

        final NewswireConfig withBroker = settingsOf(command, "--bootstrap-servers", "staging:9092", "--schema-registry-url", "http://registry.staging:8081");
        // without a broker, the dev stack's broker with the registry the user named (a registry of their own)
        final NewswireConfig withDevBroker = settingsOf(command, "--data-dir", dir.toString(), "--schema-registry-url", "http://mine:8081");

        assertThat(withBroker.getString(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG)).isEqualTo("http://registry.staging:8081");
        assertThat(withDevBroker.bootstrapServers()).isEqualTo("127.0.0.1:39092");
        assertThat(withDevBroker.getString(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG)).isEqualTo("http://mine:8081");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tail", "correspondents add", "correspondents list", "correspondents revoke", "topics create", "init", "gateway", "process", "publish", "alert", "dashboard", "apikeys add", "apikeys list", "apikeys remove", "subscribers add", "subscribers list", "subscribers remove", "subscribers replay", "alerts rules add", "alerts rules list", "alerts rules remove", "dlq list", "dlq show", "dlq replay", "status"})
    @Covers({"tail --data-dir", "correspondents add --data-dir", "correspondents list --data-dir", "correspondents revoke --data-dir",
            "topics create --data-dir", "init --data-dir", "gateway --data-dir", "process --data-dir",
            "publish --data-dir", "alert --data-dir", "dashboard --data-dir", "apikeys add --data-dir", "apikeys list --data-dir", "apikeys remove --data-dir", "subscribers add --data-dir", "subscribers list --data-dir", "subscribers remove --data-dir", "subscribers replay --data-dir", "alerts rules add --data-dir", "alerts rules list --data-dir", "alerts rules remove --data-dir", "dlq list --data-dir", "dlq show --data-dir", "dlq replay --data-dir", "status --data-dir"})
    void shouldTalkToTheDevStackOfTheDataDirWhenNoClusterIsGiven(final String command) throws IOException {
        writeDevEndpoints();

        final NewswireConfig settings = settingsOf(command, "--data-dir", dir.toString());
        final NewswireConfig elsewhere = settingsOf(command, "--data-dir", dir.resolve("no-dev-here").toString());

        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:39092");
        assertThat(settings.getString(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG))
                .isEqualTo("http://127.0.0.1:38081/apis/ccompat/v7");
        assertThat(settings.dataDir()).isEqualTo(dir);
        assertThat(elsewhere.bootstrapServers()).as("no endpoints.json there: the default").isEqualTo("localhost:9092");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tail", "correspondents add", "correspondents list", "correspondents revoke", "topics create", "init", "gateway", "process", "publish", "alert", "dashboard", "apikeys add", "apikeys list", "apikeys remove", "subscribers add", "subscribers list", "subscribers remove", "subscribers replay", "alerts rules add", "alerts rules list", "alerts rules remove", "dlq list", "dlq show", "dlq replay", "status"})
    @Covers({"tail --config", "correspondents add --config", "correspondents list --config", "correspondents revoke --config",
            "topics create --config", "init --config", "gateway --config", "process --config",
            "publish --config", "alert --config", "dashboard --config", "apikeys add --config", "apikeys list --config", "apikeys remove --config", "subscribers add --config", "subscribers list --config", "subscribers remove --config", "subscribers replay --config", "alerts rules add --config", "alerts rules list --config", "alerts rules remove --config", "dlq list --config", "dlq show --config", "dlq replay --config", "status --config"})
    void shouldReadTheClusterAndSettingsFromTheConfigFile(final String command) throws IOException {
        writeDevEndpoints();
        final Path file = Files.writeString(dir.resolve("staging.properties"),
                "bootstrap.servers=file-broker:9092\nschema.registry.url=http://file-registry:8081\nprocessing.threads=4\n");

        final NewswireConfig settings = settingsOf(command, "--data-dir", dir.toString(), "--config", file.toString());

        assertThat(settings.bootstrapServers()).isEqualTo("file-broker:9092");
        assertThat(settings.getString(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG)).isEqualTo("http://file-registry:8081");
        assertThat(settings.getInt(NewswireConfig.PROCESSING_THREADS_CONFIG)).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tail", "correspondents add", "correspondents list", "correspondents revoke", "topics create", "init", "gateway", "process", "publish", "alert", "dashboard", "apikeys add", "apikeys list", "apikeys remove", "subscribers add", "subscribers list", "subscribers remove", "subscribers replay", "alerts rules add", "alerts rules list", "alerts rules remove", "dlq list", "dlq show", "dlq replay", "status"})
    @Covers({"tail -D", "correspondents add -D", "correspondents list -D", "correspondents revoke -D", "topics create -D", "init -D",
            "gateway -D", "process -D",
            "publish -D", "alert -D", "dashboard -D", "apikeys add -D", "apikeys list -D", "apikeys remove -D", "subscribers add -D", "subscribers list -D", "subscribers remove -D", "subscribers replay -D", "alerts rules add -D", "alerts rules list -D", "alerts rules remove -D", "dlq list -D", "dlq show -D", "dlq replay -D", "status -D"})
    void shouldTakeAnySettingFromD(final String command) {
        final NewswireConfig settings = settingsOf(command, "-D", "bootstrap.servers=d-broker:9092", "-D", "kafka.security.protocol=SSL",
                "--set", "gateway.port=9001");

        assertThat(settings.bootstrapServers()).isEqualTo("d-broker:9092");
        assertThat(settings.kafkaCommon()).containsEntry("security.protocol", "SSL");
        assertThat(settings.getInt(NewswireConfig.GATEWAY_PORT_CONFIG)).isEqualTo(9001);
    }

    @Test
    @Covers({"schemas register --schema-registry-url", "schemas register --data-dir", "schemas register --config", "schemas register -D"})
    void shouldTakeTheRegistryOfSchemasRegisterFromItsFlagFileDOrTheDevStack() throws IOException {
        writeDevEndpoints();
        final Path file = Files.writeString(dir.resolve("registry.properties"), "schema.registry.url=http://file-registry:8081\n");

        assertThat(registryOf("--data-dir", dir.toString())).isEqualTo("http://127.0.0.1:38081/apis/ccompat/v7");
        assertThat(registryOf("--data-dir", dir.toString(), "--schema-registry-url", "http://flag:8081")).isEqualTo("http://flag:8081");
        assertThat(registryOf("--data-dir", dir.toString(), "--config", file.toString())).isEqualTo("http://file-registry:8081");
        assertThat(registryOf("--data-dir", dir.toString(), "-D", "schema.registry.url=http://d:8081")).isEqualTo("http://d:8081");
        assertThat(registryOf("--data-dir", dir.resolve("none").toString())).as("no dev stack: the default").isEqualTo("http://localhost:8081");
    }

    @Test
    void shouldNotOfferClusterOptionsOnCommandsThatTalkToNoCluster() {
        final CommandLine newswire = Newswire.commandLine();

        assertThat(newswire.getSubcommands().get("submit").getCommandSpec().findOption("--bootstrap-servers")).isNull();
        assertThat(newswire.getSubcommands().get("submit").getCommandSpec().findOption("--config")).isNull();
        assertThat(newswire.getSubcommands().get("config").getCommandSpec().findOption("--bootstrap-servers")).isNull();
        assertThat(newswire.getSubcommands().get("schemas").getSubcommands().get("register").getCommandSpec()
                .findOption("--bootstrap-servers")).as("schemas register talks to the registry only").isNull();
        assertThat(newswire.getSubcommands().get("topics").getSubcommands().get("create").getCommandSpec()
                .findOption("--schema-registry-url")).as("topics create talks to Kafka only").isNull();
    }

    @Test
    void shouldPreferAConfiguredRegistryOverTheDevStacksWhenOnlyTheBrokerComesFromIt() {
        final Endpoints dev = Endpoints.core("http://127.0.0.1:8080", null, "dev:1", "http://dev-registry", 1);

        final NewswireConfig fromFile = ConnectionOptions.preferDevStack(
                new NewswireConfig(Map.of(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://mine")), Optional.of(dev));
        final NewswireConfig nothingSet = ConnectionOptions.preferDevStack(new NewswireConfig(Map.of()), Optional.of(dev));

        assertThat(fromFile.bootstrapServers()).isEqualTo("dev:1");
        assertThat(fromFile.getString(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG)).isEqualTo("http://mine");
        assertThat(nothingSet.getString(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG)).isEqualTo("http://dev-registry");
    }

    @Test
    void shouldWatchTheDevStacksGatewayWhenTheAlerterRunsOnItsClusterAndNoGatewayIsConfigured() {
        final Endpoints dev = Endpoints.core("http://127.0.0.1:8080", null, "dev:1", "http://dev-registry", 1);
        final String urls = NewswireConfig.ALERTER_GATEWAY_URLS_CONFIG;

        final NewswireConfig onDev = AlertCommand.watchingDevGateway(new NewswireConfig(Map.of("bootstrap.servers", "dev:1")), Optional.of(dev));
        final NewswireConfig elsewhere = AlertCommand.watchingDevGateway(new NewswireConfig(Map.of("bootstrap.servers", "prod:9092")), Optional.of(dev));
        final NewswireConfig configured = AlertCommand.watchingDevGateway(
                new NewswireConfig(Map.of("bootstrap.servers", "dev:1", urls, "http://gw-a:8080,http://gw-b:8080")), Optional.of(dev));

        assertThat(onDev.getList(urls)).containsExactly("http://127.0.0.1:8080");
        assertThat(elsewhere.getList(urls)).as("another cluster: not the dev stack's gateway").isEmpty();
        assertThat(configured.getList(urls)).containsExactly("http://gw-a:8080", "http://gw-b:8080");
    }

    private void writeDevEndpoints() {
        Endpoints.core("http://127.0.0.1:8080", "http://127.0.0.1:9464/metrics", "127.0.0.1:39092",
                "http://127.0.0.1:38081/apis/ccompat/v7", 4242).write(dir);
    }

    /** The settings the command runs with after `newswire` parsed this command line (no NEWSWIRE_* environment). */
    private static NewswireConfig settingsOf(final String command, final String... options) {
        final CommandSpec spec = parse(command, options);
        final Object userObject = spec.userObject();
        if (userObject instanceof TopicsCommand.Create create) {
            // Kafka only: no registry flag to offer
            create.kafka.config.environment = Map.of();
            return create.kafka.loadPreferringDevStack();
        }
        final ConnectionOptions connection = (ConnectionOptions) spec.mixins().get("connection").userObject();
        connection.config.environment = Map.of();
        if (userObject instanceof GatewayCommand gateway) {
            return gateway.settings();
        }
        if (userObject instanceof ProcessCommand process) {
            return process.settings();
        }
        if (userObject instanceof PublishCommand publish) {
            return publish.settings();
        }
        if (userObject instanceof AlertCommand alert) {
            return alert.settings();
        }
        if (userObject instanceof DashboardCommand dashboard) {
            return dashboard.settings();
        }
        return connection.loadPreferringDevStack();
    }

    private static String registryOf(final String... options) {
        final RegistryOptions registry = (RegistryOptions) parse("schemas register", options).mixins().get("registry").userObject();
        registry.config.environment = Map.of();
        return registry.loadPreferringDevStack().getString(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG);
    }

    private static CommandSpec parse(final String command, final String... options) {
        final List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of(options));
        args.addAll(REQUIRED.getOrDefault(command, List.of()));
        ParseResult result = Newswire.commandLine().parseArgs(args.toArray(String[]::new));
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result.commandSpec();
    }
}
