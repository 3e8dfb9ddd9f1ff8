/** Atom (RFC 4287) feeds of articles, right-to-left where the text is ({@link io.newswire.publisher.atom.AtomFeedWriter}); pure. */
package io.newswire.publisher.atom;
