/** Tests of webhook delivery: pure cores without Kafka, and *IntegrationTest on the real embedded broker and registry. */
package io.newswire.publisher.webhooks;
