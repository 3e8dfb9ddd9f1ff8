/**
 * Parties and organisations named in a report: an alias table kept as data ({@link io.newswire.enrichment.parties.PartyTable},
 * {@code enrichment/parties/parties.json}, extendable from a file) and the pure core that finds its entries in a
 * report's text ({@link io.newswire.enrichment.parties.PartyMatcher}), giving {@link io.newswire.model.Entity} values
 * with evidence. Start reading at {@code PartyMatcher}.
 */
package io.newswire.enrichment.parties;
