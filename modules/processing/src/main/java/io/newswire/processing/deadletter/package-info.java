/** Nothing is dropped silently: records that cannot be processed go to newswire.dlq.v1 with their bytes and the reason. */
package io.newswire.processing.deadletter;
