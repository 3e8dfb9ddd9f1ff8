package io.newswire.launcher;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test as the proof that the named options of a command act: each entry is the command's path and one of
 * its options or positional parameters, e.g. {@code "tail --max"}, {@code "correspondents revoke ID"}. The test must
 * fail if the option were ignored (or, for a refused combination, if it were accepted). CommandOptionCoverageTest
 * walks every command's spec and fails on an option no test claims.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Covers {

    /** "command path option", e.g. "topics create --bootstrap-servers". */
    String[] value();
}
