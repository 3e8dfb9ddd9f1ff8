/** IPTC ninjs 3.1 and 2.2 documents of article versions ({@link io.newswire.publisher.ninjs.NinjsRenderer}); pure. */
package io.newswire.publisher.ninjs;
