/** What every integration test runs on: the shared embedded broker and registry, topics and record helpers. */
package io.newswire.testkit;
