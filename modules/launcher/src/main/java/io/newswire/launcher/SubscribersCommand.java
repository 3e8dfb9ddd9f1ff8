package io.newswire.launcher;

import io.newswire.model.WebhookSubscriber;
import io.newswire.publisher.webhooks.InvalidSubscriberException;
import io.newswire.publisher.webhooks.SubscriberAdmin;
import io.newswire.publisher.webhooks.SubscriberValidator;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.serde.NewswireSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `newswire subscribers add|list|remove|replay`: webhook subscribers, kept on the compacted
 * newswire.publisher.webhook-subscribers.v1 that every publisher instance follows. Bad input (a malformed URL, an
 * unknown filter key) is refused with the field and the reason, exit code 2, and nothing is written.
 */
@Command(name = "subscribers", mixinStandardHelpOptions = true, description = "Add, list, remove webhook subscribers; replay parked deliveries.",
        subcommands = {SubscribersCommand.Add.class, SubscribersCommand.ListAll.class, SubscribersCommand.Remove.class,
                SubscribersCommand.Replay.class})
public final class SubscribersCommand {

    static final int BAD_INPUT = 2;

    interface AdminAction {
        int run(SubscriberAdmin admin) throws Exception;
    }

    static int withAdmin(final ConnectionOptions connection, final AdminAction action) throws Exception {
        final NewswireConfig config = connection.loadPreferringDevStack();
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
             SubscriberAdmin admin = new SubscriberAdmin(config, serdes, Clock.systemUTC())) {
            return action.run(admin);
        } catch (final InvalidSubscriberException e) {
            System.err.println("Refused: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add (or replace) a subscriber. Without --secret one is generated and printed once.")
    static final class Add implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Option(names = "--id", required = true, description = "Subscriber id, e.g. partner-a")
        String id;
        @Option(names = "--url", required = true, description = "http(s) URL each delivery is POSTed to")
        String url;
        @Option(names = "--filter", paramLabel = "KEY=VALUE[,VALUE]", description = "As the newsroom API's query parameters: "
                + "desk, language, place, party, subject, urgency, pubstatus; repeat for more. None: every article.")
        List<String> filters = new ArrayList<>();
        @Option(names = "--secret", description = "Signing secret, whsec_ + base64 of 24-64 bytes (default: generated)")
        String secret;

        @Override
        public Integer call() throws Exception {
            // checked before connecting, so a typo is answered at once
            try {
                SubscriberValidator.id(id);
                SubscriberValidator.url(url);
                SubscriberValidator.parseFilter(filters);
                if (secret != null) {
                    SubscriberValidator.secret(secret);
                }
            } catch (final InvalidSubscriberException e) {
                System.err.println("Refused: " + e.getMessage());
                return BAD_INPUT;
            }
            return withAdmin(connection, admin -> {
                final SubscriberAdmin.Added added = admin.add(id, url, SubscriberValidator.parseFilter(filters), secret);
                System.err.println("Subscriber " + id + " added: " + url + " " + added.subscriber().getFilter());
                if (added.secretGenerated()) {
                    System.err.println("Its signing secret (shown once, give it to the receiver):");
                    System.out.println(added.subscriber().getSecret());
                }
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List subscribers (never their secrets).")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() throws Exception {
            return withAdmin(connection, admin -> {
                admin.list().stream().sorted(Comparator.comparing(WebhookSubscriber::getSubscriberId)).forEach(s ->
                        System.out.printf("%-20s %-50s filter=%s since %s%n", s.getSubscriberId(), s.getUrl(), s.getFilter(), s.getCreatedAt()));
                return 0;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a subscriber; what it is still owed is dropped.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws Exception {
            return withAdmin(connection, admin -> admin.remove(id).map(s -> {
                System.out.println("Removed " + id);
                return 0;
            }).orElseGet(() -> {
                System.err.println("No subscriber " + id);
                return 1;
            }));
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Send a subscriber's parked deliveries again (same webhook-id each), through the first retry tier.")
    static final class Replay implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--key", description = "Only this idempotency key (webhook-id)")
        String key;

        @Override
        public Integer call() throws Exception {
            return withAdmin(connection, admin -> {
                final List<String> sent = admin.replay(id, key);
                sent.forEach(System.out::println);
                System.err.println(sent.size() + " parked deliveries of " + id + " sent again");
                return 0;
            });
        }
    }
}
