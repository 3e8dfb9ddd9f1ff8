package io.newswire.launcher;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

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
        return of(Newswire::commandLine, args);
    }

    /**
     * Runs the command line the supplier makes (e.g. one around a command object the test keeps). It is made after
     * System.out is swapped: a command line made before kept printing its usage to the old System.out.
     */
    static CommandRun of(final Supplier<CommandLine> commandLines, final String... args) {
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
                final CommandLine commandLine = commandLines.get();
                // over the buffers themselves: a writer around the swapped System.out loses picocli's usage text
                final PrintWriter picocliOut = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
                final PrintWriter picocliErr = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
                commandLine.setOut(picocliOut);
                commandLine.setErr(picocliErr);
                final int exit = commandLine.execute(args);
                // picocli prints usage with print(), which autoflush does not flush
                picocliOut.flush();
                picocliErr.flush();
                return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        }
    }
}
