package io.newswire.embedded;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment of the registry's child JVM: Apicurio on the loopback interface, a small
 * heap and a start-up-friendly JIT (the registry's load is light: clients cache schemas), storage in memory or in
 * an H2 file. Apicurio and Quarkus settings inherited from the caller's environment are dropped, so the same
 * call always starts the same registry.
 */
final class RegistryCommand {

    static final String HOST = "127.0.0.1";

    private RegistryCommand() {
    }

    /** {@code java <options> -cp <watchdog>:<runner> ParentWatchdog <runner main class>}. */
    static List<String> command(final String javaBinary, final List<String> classpath, final List<String> extraJvmOptions,
                                final String mainClass) {
        final List<String> command = new ArrayList<>(List.of(javaBinary,
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8"));
        command.addAll(extraJvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(ParentWatchdog.class.getName());
        command.add(mainClass);
        return command;
    }

    /**
     * @param inherited the caller's environment
     * @param database  the H2 database file (without extension) for persistent storage, or null for in-memory
     */
    static Map<String, String> environment(final Map<String, String> inherited, final int port, final Path database) {
        final Map<String, String> env = new HashMap<>(inherited);
        env.keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("APICURIO_") || key.startsWith("REGISTRY_"));
        env.put("QUARKUS_HTTP_HOST", HOST);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // one log line per request (access log) and per write (audit) would grow a dev data dir's log without end
        env.put("QUARKUS_HTTP_ACCESS_LOG_ENABLED", "false");
        env.put("QUARKUS_LOG_CATEGORY__IO_APICURIO_REGISTRY_LOGGING_AUDIT__LEVEL", "WARN");
        if (database != null) {
            env.put("APICURIO_STORAGE_KIND", "sql");
            env.put("APICURIO_STORAGE_SQL_KIND", "h2");
            env.put("APICURIO_DATASOURCE_URL", "jdbc:h2:file:" + database.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
            env.put("APICURIO_DATASOURCE_USERNAME", "sa");
            env.put("APICURIO_DATASOURCE_PASSWORD", "sa");
        }
        return env;
    }

    /**
     * The java binary of this JVM's installation ({@code java.home}); not the current process's command, which is
     * some other program when a native launcher embeds the JVM.
     */
    static String javaBinary() {
        final boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }
}
