package io.newswire.launcher;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * One {@code newswire} command line run in this JVM, as {@link Newswire#run} runs it, with what it printed. Commands
 * print to System.out/err, so both are swapped for the run (tests run one at a time).
 *
 * @param exitCode what the command returned
 * @param out      its standard output
 * @param err      its standard error, picocli's messages included
 */
record CommandRun(int exitCode, String out, String err) {

    private static final Object LOCK = new Object();

    static CommandRun of(final String... args) {
        return of(Newswire.commandLine(), args);
    }

    /** Runs the given command line (e.g. one around a command object the test keeps). */
    static CommandRun of(final CommandLine commandLine, final String... args) {
        synchronized (LOCK) {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final ByteArrayOutputStream err = new ByteArrayOutputStream();
            final PrintStream originalOut = System.out;
            final PrintStream originalErr = System.err;
            final PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
            final PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8);
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            try {
                commandLine.setOut(new PrintWriter(capturedOut, true));
                commandLine.setErr(new PrintWriter(capturedErr, true));
                final int exit = commandLine.execute(args);
                return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        }
    }
}
