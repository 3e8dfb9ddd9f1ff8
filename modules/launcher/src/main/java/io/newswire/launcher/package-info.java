/**
 * The {@code newswire} command: wiring only. Each subcommand is one class; the options a command lists are the ones
 * it acts on: {@link io.newswire.launcher.ConfigOptions} for commands that read settings,
 * {@link io.newswire.launcher.ConnectionOptions} for those that talk to Kafka and the registry,
 * {@link io.newswire.launcher.KafkaOptions} and {@link io.newswire.launcher.RegistryOptions} for those that talk to
 * only one of them. A test per option holds
 * each to it (CommandOptionCoverageTest).
 */
package io.newswire.launcher;
